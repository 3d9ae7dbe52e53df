package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every page at a phone's and a wide screen's width: no page-level horizontal scrolling, no chart text under
 * 11 px as displayed, and no two labels of a chart drawn over each other.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-layout;DB_CLOSE_DELAY=-1")
class LayoutBrowserIT extends BrowserTest {

    /** The densest views: every model, every format, every benchmark group and every report table. */
    static final String EVERYTHING = "/?model=Gemma3-1B&model=Gemma3-4B-IT&model=Gemma3-12B-IT&model=Gemma3-27B-IT"
            + "&quant=bf16&quant=int4&quant=int4-b32&quant=sfp8&kv=true"
            + "&bench=arena&bench=zero-shot&bench=multimodal&bench=long-context&bench=stem-code"
            + "&table=6&table=8&table=9&table=10&table=11&table=12&table=13&table=14&table=15&table=16&table=17&table=18"
            + "&compare=Gemma3-27B-IT&compare=Gemini-1.5-Pro";

    /** Opens every collapsed part, so its charts are laid out and measured too. */
    private void openEverything() {
        script("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    @SuppressWarnings("unchecked")
    private List<String> problems() {
        return (List<String>) script("""
                const problems = [];
                const doc = document.documentElement;
                if (doc.scrollWidth > window.innerWidth) {
                  // the culprits: elements reaching past the screen that are not inside a box that scrolls
                  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; }
                    return false; };
                  const wide = Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e)
                                 && !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                    .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className
                                 + ' ' + Math.round(e.getBoundingClientRect().width) + 'px');
                  problems.push('page is ' + doc.scrollWidth + ' px wide at ' + window.innerWidth + ': ' + wide);
                }
                document.querySelectorAll('svg.chart').forEach(svg => {
                  const name = svg.getAttribute('aria-label') || svg.id;
                  const boxes = [];
                  svg.querySelectorAll('text').forEach(t => {
                    const r = t.getBoundingClientRect();
                    if (r.width === 0 || !t.textContent.trim()) return;
                    const size = parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a;
                    if (size < 10.95) problems.push(name + ': "' + t.textContent + '" is ' + size.toFixed(1) + ' px');
                    boxes.push({text: t.textContent, r});
                  });
                  for (let i = 0; i < boxes.length; i++) {
                    for (let j = i + 1; j < boxes.length; j++) {
                      const a = boxes[i].r, b = boxes[j].r;
                      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                      if (overlapX > 1 && overlapY > 1) {
                        problems.push(name + ': "' + boxes[i].text + '" overlaps "' + boxes[j].text + '"');
                      }
                    }
                  }
                });
                return problems;
                """);
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({
        "/, 390",
        "/, 1440",
        "EVERYTHING, 390",
        "EVERYTHING, 1440",
        "/advisor?gpu=NVIDIA%20L4&context=131072, 390",
        "/advisor?gpu=NVIDIA%20L4&context=131072, 1440",
        "/views, 390",
        "/views, 1440",
        "/evaluations, 390",
        "/evaluations, 1440",
        "/advisor?gpu=NVIDIA%20L4&context=32768&batch=4&engine=llamacpp&kvDtype=q8_0, 390",
        "/advisor?gpu=NVIDIA%20L4&context=32768&batch=4&engine=llamacpp&kvDtype=q8_0, 1440",
        "/workload?gpu=NVIDIA%20RTX%204090&engine=llamacpp&kvDtype=f16&quant=q4_k_m&batch=1&pricePerHour=0.5, 390",
        "/workload?gpu=NVIDIA%20RTX%204090&engine=llamacpp&kvDtype=f16&quant=q4_k_m&batch=1&pricePerHour=0.5, 1440"
    })
    void fitsTheScreenWithReadableChartsWhoseLabelsDoNotOverlap(String path, int width) {
        driver = Browser.open(true);
        viewport(width);
        driver.get(url(path.equals("EVERYTHING") ? EVERYTHING : path));
        Browser.waitFor(driver).until(d -> script("return document.querySelector('#documents .placeholder')") == null);
        openEverything();

        assertThat(problems()).isEmpty();
    }

    @ParameterizedTest(name = "advisor rows at {0} px")
    @CsvSource({"390", "1440"})
    void theAdvisorsRowsStayOnOneLineAt128K(int width) {
        driver = Browser.open(true);
        viewport(width);
        driver.get(url("/advisor?model=Gemma3-1B&gpu=NVIDIA%20L4&context=131072"));

        @SuppressWarnings("unchecked")
        List<Number> heights =
                (List<Number>) script("return Array.from(document.querySelectorAll('#fit-table tbody tr'))"
                        + ".map(r => r.getBoundingClientRect().height)");
        double line = ((Number) script("return parseFloat(getComputedStyle(document.querySelector("
                        + "'#fit-table td')).lineHeight) || 20"))
                .doubleValue();
        assertThat(heights)
                .hasSize(16)
                .allSatisfy(h -> assertThat(h.doubleValue()).isLessThan(2 * line + 12));
    }
}
