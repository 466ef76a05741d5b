package io.tinymlaas.device;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElfSizeTest {

    @Test
    void readsBerkeleyOutput() {
        ElfSize size = ElfSize.parse(Path.of("tinyml-mps2.elf"), """
                   text	   data	    bss	    dec	    hex	filename
                  11572	     32	 858672	 870276	  d4784	build/firmware/mps2/tinyml-mps2.elf
                """);
        assertEquals(11604, size.flashBytes());
        assertEquals(858704, size.ramBytes());
        assertEquals("tinyml-mps2.elf: flash 11604 B (text 11572 + data 32), RAM 858704 B (data 32 + bss 858672)",
                size.toString());
    }
}
