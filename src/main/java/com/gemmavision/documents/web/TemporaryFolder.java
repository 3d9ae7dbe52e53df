package com.gemmavision.documents.web;

import jakarta.servlet.MultipartConfigElement;

import com.gemmavision.documents.intake.TempFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Uploads' multipart parts go to this process's temporary folder like every other temporary file of ours
 * ({@link TempFiles}), so that what a {@code kill -9} leaves in the middle of an upload is swept at the next
 * start instead of filling the disk.
 */
@Configuration(proxyBeanMethods = false)
class TemporaryFolder {

    private static final Logger log = LoggerFactory.getLogger(TemporaryFolder.class);

    @Bean
    MultipartConfigElement multipartConfigElement(ObjectProvider<MultipartProperties> properties) {
        MultipartProperties multipart = properties.getIfAvailable(MultipartProperties::new);
        return new MultipartConfigElement(
                TempFiles.directory().toString(),
                multipart.getMaxFileSize().toBytes(),
                multipart.getMaxRequestSize().toBytes(),
                (int) multipart.getFileSizeThreshold().toBytes());
    }

    @EventListener(ApplicationStartedEvent.class)
    void sweep() {
        int swept = TempFiles.sweepDeadProcesses();
        if (swept > 0) {
            log.info("Deleted the temporary files of {} stopped server process(es)", swept);
        }
    }
}
