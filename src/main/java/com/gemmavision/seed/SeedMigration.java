package com.gemmavision.seed;

import java.util.List;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that loads seed CSVs. Its checksum covers the files it reads, so editing a seed file
 * without a new migration fails Flyway's validation instead of silently diverging from what was loaded.
 */
abstract class SeedMigration implements JavaMigration {

    private final String version;
    private final String description;
    private final List<String> files;

    SeedMigration(String version, String description, List<String> files) {
        this.version = version;
        this.description = description;
        this.files = List.copyOf(files);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        files.forEach(file -> crc.update(SeedCsv.load(file).bytes()));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
