package com.gemmavision.documents;

import com.gemmavision.documents.text.OcrSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands {@code gemmavision.documents.*}'s OCR settings to the text package's {@code Ocr}. */
@Configuration(proxyBeanMethods = false)
public class OcrConfiguration {

    @Bean
    OcrSettings ocrSettings(DocumentProperties properties) {
        return properties.ocr();
    }
}
