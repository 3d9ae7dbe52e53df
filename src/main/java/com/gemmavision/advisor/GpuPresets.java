package com.gemmavision.advisor;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The GPU presets (read once by {@link GpuRepository}: the seed does not change while the app runs). */
@Service
public class GpuPresets {

    private final GpuRepository repository;

    public GpuPresets(GpuRepository repository) {
        this.repository = repository;
    }

    public List<GpuPreset> all() {
        return repository.presets();
    }

    /** A preset by its name, ignoring case and surrounding space ("nvidia l4" finds NVIDIA L4). */
    public Optional<GpuPreset> byName(String name) {
        return all().stream().filter(p -> p.gpu().equalsIgnoreCase(name.trim())).findFirst();
    }
}
