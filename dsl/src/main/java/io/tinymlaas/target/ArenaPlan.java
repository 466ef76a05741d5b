package io.tinymlaas.target;

import java.util.Map;

/** Where each tensor lives in the arena, and how big the arena must be. */
public record ArenaPlan(long arenaBytes, Map<Integer, Long> offsets) {
    public ArenaPlan {
        offsets = Map.copyOf(offsets);
    }

    /** Byte offset of tensor {@code id} in the arena. */
    public long offset(int id) {
        Long offset = offsets.get(id);
        if (offset == null) {
            throw new IllegalArgumentException("tensor " + id + " is not in the arena: planned tensors are "
                    + offsets.keySet());
        }
        return offset;
    }
}
