package io.tinymlaas.target;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The boards {@link Target#of(String)} knows. Every figure names its source; "usable" figures are
 * our assumptions about what the board's platform leaves to an application, said with each board.
 */
final class BoardCatalog {
    private BoardCatalog() {
    }

    private static final List<Target> BOARDS = List.of(
            // ESP32 Series Datasheet (Espressif, v4.x), sections 1 and 3.1: Xtensa LX6 up to 240 MHz,
            // 520 KB SRAM (SRAM0 192 KB, SRAM1 128 KB, SRAM2 200 KB); ESP32-DevKitC with 4 MB flash.
            Target.builder("esp32")
                    .description("ESP32 (ESP32-DevKitC, ESP32-WROOM-32)")
                    .core(Core.XTENSA_LX6).clockMHz(240)
                    .ramKB(520)
                    // SRAM0 is instruction RAM and cache; of the 328 KB data RAM, ROM and ESP-IDF take
                    // their share at boot, and a static arena lives in the dram0_0_seg segment which
                    // overflows near 160-180 KB (esp-tflite-micro#3: a 200 KB static arena does not link).
                    .usableRamKB(160, "of 328 KB data SRAM, a static buffer must fit ESP-IDF's dram0_0_seg "
                            + "(a 200 KB arena overflows it), so we assume 160 KB for the model and runtime")
                    .flashKB(4 * 1024)
                    // ESP-IDF's default partition table (partitions_singleapp.csv) gives the app a 1 MB
                    // factory partition; a minimal ESP-IDF app (hello_world) is about 160 KB of it.
                    .usableFlashKB(1024).platformFlashKB(160)
                    .build(),
            // ESP32-S3 Series Datasheet (Espressif, v1.x): dual Xtensa LX7 up to 240 MHz, 512 KB SRAM;
            // ESP32-S3-DevKitC-1-N8: 8 MB flash.
            Target.builder("esp32-s3")
                    .description("ESP32-S3 (ESP32-S3-DevKitC-1-N8)")
                    .core(Core.XTENSA_LX7).clockMHz(240)
                    .ramKB(512)
                    .usableRamKB(256, "ESP-IDF takes instruction cache, IRAM code and heap metadata from the "
                            + "512 KB SRAM; we assume half, 256 KB, is left for the model and runtime")
                    .flashKB(8 * 1024)
                    .usableFlashKB(1024).platformFlashKB(160)   // same default 1 MB app partition as esp32
                    .build(),
            // nRF52840 Product Specification v1.x (Nordic): Cortex-M4F 64 MHz, 256 KB RAM, 1 MB flash.
            Target.builder("nrf52840")
                    .description("nRF52840 (nRF52840-DK, Arduino Nano 33 BLE)")
                    .core(Core.CORTEX_M4F).clockMHz(64)
                    .ramKB(256)
                    .usableRamKB(248, "bare-metal nrfx, no BLE SoftDevice: 8 KB kept for startup data, "
                            + "UART driver and heap; a SoftDevice would take more")
                    .flashKB(1024).platformFlashKB(4)
                    .build(),
            // STM32F746xx datasheet DS10916 (ST): Cortex-M7 216 MHz, 320 KB SRAM (DTCM 64 KB +
            // SRAM1 240 KB + SRAM2 16 KB, contiguous from 0x20000000), 1 MB flash; STM32F746G-DISCO.
            Target.builder("stm32f746")
                    .description("STM32F746 (STM32F746G-DISCO)")
                    .core(Core.CORTEX_M7).clockMHz(216)
                    .ramKB(320)
                    .usableRamKB(312, "8 KB kept for the STM32 HAL's data, UART handle and heap")
                    .flashKB(1024).platformFlashKB(8)           // HAL init, clocks, UART: ~8 KB at -Os
                    .build(),
            // RP2040 Datasheet (Raspberry Pi): dual Cortex-M0+ 133 MHz, 264 KB SRAM in six banks
            // (4 x 64 KB striped + 2 x 4 KB); Raspberry Pi Pico: 2 MB QSPI flash (W25Q16JV).
            Target.builder("rp2040")
                    .description("RP2040 (Raspberry Pi Pico)")
                    .core(Core.CORTEX_M0PLUS).clockMHz(133)
                    .ramKB(264)
                    .usableRamKB(256, "the pico-sdk puts the two cores' stacks in the 2 x 4 KB scratch banks; "
                            + "the four striped 64 KB banks are left")
                    .flashKB(2 * 1024).platformFlashKB(12)      // boot2 + pico-sdk runtime + stdio UART
                    .build(),
            // ATmega328P datasheet (Microchip DS40002061): AVR 8-bit, 2 KB SRAM, 32 KB flash;
            // Arduino Uno R3 runs it at 16 MHz with the 512-byte optiboot bootloader.
            Target.builder("arduino-uno")
                    .description("Arduino Uno R3 (ATmega328P)")
                    .core(Core.AVR).clockMHz(16)
                    .ramKB(2)
                    .usableRamBytes(2048 - 188, "the Arduino core with Serial takes 188 bytes of globals "
                            + "(its two 64-byte ring buffers, millis counter)")
                    .flashKB(32)
                    .usableFlashBytes(32 * 1024 - 512)          // optiboot: the IDE's "Maximum is 32256 bytes"
                    .platformFlashBytes(1_500)                  // Arduino core + HardwareSerial
                    .build(),
            // QEMU 7.2 hw/arm/mps2.c, machine mps2-an386 (Arm AN386, Cortex-M4 on MPS2): 4 MB ZBT SSRAM1
            // at 0x00000000 holds code (our "flash"), 4 MB ZBT SSRAM2/3 at 0x20000000 is data RAM
            // (checked with the monitor's `info mtree`); SYSCLK 25 MHz as the FPGA image.
            Target.builder("qemu-m4")
                    .description("QEMU mps2-an386 (emulated Cortex-M4, the runtime's test board)")
                    .core(Core.CORTEX_M4F).clockMHz(25)
                    .ramKB(4 * 1024)
                    // Platform measured with `make -C firmware mps2-model` (firmware/mps2 with an exported
                    // model compiled in, -O2 --gc-sections, newlib-nano, arm-none-eabi-gcc 12.2, DSP
                    // kernels): the image (.text + .data) less the model's const data is 16008 B for the
                    // tutorial CNN, of which the runtime table (RuntimeCodeTable, DSP: kernels 6048 + core
                    // 8652) is 14700; the rest, 1300 B, is startup and vector table, main (CMSDK UART and
                    // timer, protocol glue), newlib-nano memcpy/memset and libgcc's soft-float compare.
                    // Stack: mps2.ld reserves STACK_SIZE = 16K in its own .stack section.
                    // PredictedVsMeasuredSizeTest checks flash and RAM against that firmware within 10%.
                    .flashKB(4 * 1024).platformFlashBytes(1_300)
                    .stackBytes(16 * 1024)
                    .build(),
            // The development machine running the host runtime as a process: memory is not a limit
            // for a tiny model, so the budgets are a nominal 1 GB; the clock a typical 3 GHz.
            Target.builder("host")
                    .description("this computer (the host runtime, a process on a pseudo-terminal)")
                    .core(Core.X86_64).clockMHz(3000)
                    .ramKB(1024 * 1024).flashKB(1024 * 1024)
                    .build());

    static List<Target> all() {
        return BOARDS;
    }

    static Optional<Target> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return BOARDS.stream().filter(t -> t.name().equals(wanted)).findFirst();
    }
}
