import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

// Loads the Gemma 3 tokenizer as the app does (GemmaTokenizer, which hands freed native memory back with
// malloc_trim) and prints the time it took, the heap it peaked at and the process's resident memory. With the
// argument "bare" it loads nothing and only touches 200 MB of heap, for the baseline to compare with.
//   mvn -q -DskipTests compile
//   java -Xmx512m -cp "$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes" \
//        bench/tokenizer/TokenizerLoad.java [bare]
public class TokenizerLoad {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bare")) {
            byte[] heap = new byte[200 << 20];
            heap[heap.length - 1] = 1;
            System.gc();
            System.out.println("bare JVM, " + rss());
            return;
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        var tokenizer = new com.gemmavision.tokens.GemmaTokenizer(new com.gemmavision.tokens.TokenProperties(4.0, 50_000));
        boolean ready = tokenizer.awaitReady();
        System.out.println("ready " + ready + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.gc();
        System.out.println("peak heap (sum of pools) " + (peak >> 20) + " MB; " + rss());
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS"))
                .findFirst()
                .orElse("VmRSS unknown");
    }
}
