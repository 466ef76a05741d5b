/*
 * The qemu-m4 board: QEMU's MPS2 AN386 (Cortex-M4, 25 MHz). The protocol on CMSDK UART0;
 * the core sleeps (WFI) until the UART's RX interrupt. Device time: instructions, from the
 * 32-bit CMSDK timer 0 under QEMU's -icount (see firmware/README.md).
 */
#include <stdint.h>
#include "../runtime/tm_proto.h"

#ifdef TM_BUILTIN_MODEL
/* `make mps2-model MODEL_DIR=<C export>`: the exported model compiled in (weights in flash, its
 * arena in .bss), served over the same protocol; no blob buffer, so LOAD is refused. The
 * buffers just carry the model's input and its INFER answer (12 bytes + output). */
#include "model.h"
#define TM_MAX3(a, b, c) ((a) > (b) ? ((a) > (c) ? (a) : (c)) : ((b) > (c) ? (b) : (c)))
#define MAX_PAYLOAD TM_MAX3(256u, MODEL_INPUT_BYTES, MODEL_OUTPUT_BYTES + 12u)
#define BLOB_CAPACITY 0u
#define ARENA_CAPACITY MODEL_ARENA_BYTES
#endif

#ifndef MAX_PAYLOAD
#define MAX_PAYLOAD 16384u
#endif
#ifndef BLOB_CAPACITY
#define BLOB_CAPACITY (512u << 10)
#endif
#ifndef ARENA_CAPACITY
#define ARENA_CAPACITY (256u << 10)
#endif
#define CLOCK_HZ 25000000u

/* CMSDK APB UART0 */
#define UART0_DATA (*(volatile uint32_t *)0x40004000u)
#define UART0_STATE (*(volatile uint32_t *)0x40004004u)
#define UART0_CTRL (*(volatile uint32_t *)0x40004008u)
#define UART0_INTCLEAR (*(volatile uint32_t *)0x4000400Cu)
#define UART0_BAUDDIV (*(volatile uint32_t *)0x40004010u)
#define UART_STATE_TX_FULL 1u
#define UART_STATE_RX_FULL 2u
#define UART_CTRL_TX_EN 1u
#define UART_CTRL_RX_EN 2u
#define UART_CTRL_RX_INT_EN 8u
#define UART_INT_RX 2u

/* CMSDK APB timer 0: a 32-bit down counter at 25 MHz, free running, no interrupt (an
 * interrupt during INFER would add its instructions to the count) */
#define TIMER0_CTRL (*(volatile uint32_t *)0x40000000u)
#define TIMER0_VALUE (*(volatile uint32_t *)0x40000004u)
#define TIMER0_RELOAD (*(volatile uint32_t *)0x40000008u)
#define TIMER_CTRL_ENABLE 1u

#define NVIC_ISER0 (*(volatile uint32_t *)0xE000E100u)
#define UART0_RX_IRQ 0

static uint8_t wire_in[TM_WIRE_CAPACITY(MAX_PAYLOAD)];
static uint8_t packet_out[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
static uint8_t wire_out[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 1];
#ifndef TM_BUILTIN_MODEL
static uint32_t blob[BLOB_CAPACITY / 4];
static int8_t arena[ARENA_CAPACITY];
#endif
static tm_server server;

static uint32_t stopwatch_started;
static int ns_per_instruction_log2; /* from calibrate(): -icount shift */

/* Wakes the core; main drains the UART with the interrupt off (lossless: QEMU holds further
 * bytes back while the one-byte buffer is full). */
void uart0_rx_handler(void)
{
    UART0_CTRL &= ~UART_CTRL_RX_INT_EN;
    UART0_INTCLEAR = UART_INT_RX;
}

static void uart_write(const uint8_t *bytes, uint32_t count)
{
    uint32_t i;
    for (i = 0; i < count; i++) {
        while (UART0_STATE & UART_STATE_TX_FULL) {
        }
        UART0_DATA = bytes[i];
    }
}

/* Timer ticks (40 ns of virtual time each) since start; wraps after 2^32 ticks (171 s of
 * virtual time, 1.3 G instructions at shift 7): differences are right below that. */
static uint32_t ticks_now(void)
{
    return 0xFFFFFFFFu - TIMER0_VALUE;
}

/* Under -icount shift=N each instruction advances virtual time by 2^N ns and a tick is
 * 40 ns; a loop of known length gives N. Exact counts need N >= 7 (a tick < half an
 * instruction). */
static void calibrate(void)
{
    const uint32_t iterations = 1u << 16; /* two instructions each: 2^17 */
    uint32_t counter = iterations;
    const uint32_t start = ticks_now();
    uint64_t ns;
    __asm__ volatile("1: subs %0, %0, #1\n bne 1b" : "+r"(counter) : : "cc");
    ns = ((uint64_t)(ticks_now() - start) * 40u + (1u << 16)) >> 17;
    ns_per_instruction_log2 = 0;
    while (ns_per_instruction_log2 < 16 && ((uint64_t)3 << ns_per_instruction_log2) / 2 < ns) {
        ns_per_instruction_log2++;
    }
}

static void stopwatch_start(void)
{
    stopwatch_started = ticks_now();
}

static uint64_t stopwatch_read(void)
{
    const uint64_t ns = (uint64_t)(ticks_now() - stopwatch_started) * 40u;
    const int shift = ns_per_instruction_log2;
    return (ns + (shift > 0 ? (uint64_t)1 << (shift - 1) : 0u)) >> shift;
}

extern uint32_t __flash_end, __flash_size, __bss_end, __ram_start, __ram_size;

/* The board built with the portable kernels says so (make mps2-portable; tm_kernels.h). */
#ifdef TM_PORTABLE_KERNELS
#define BOARD_NAME "qemu-m4-portable"
#else
#define BOARD_NAME "qemu-m4"
#endif

static tm_board board = {
    BOARD_NAME, CLOCK_HZ, 0, 0, TM_TIME_INSTRUCTIONS, uart_write, stopwatch_start, stopwatch_read
};

int main(void)
{
    tm_buffers buffers;
    /* RAM after .bss and the stack; flash after the image (linker symbols are addresses) */
    const uint32_t ram_used = (uint32_t)(uintptr_t)&__bss_end - (uint32_t)(uintptr_t)&__ram_start + 16384u;
    board.free_ram = (uint32_t)(uintptr_t)&__ram_size - ram_used;
    board.free_flash = (uint32_t)(uintptr_t)&__flash_size - (uint32_t)(uintptr_t)&__flash_end;

    TIMER0_RELOAD = 0xFFFFFFFFu;
    TIMER0_VALUE = 0xFFFFFFFFu;
    TIMER0_CTRL = TIMER_CTRL_ENABLE;
    calibrate();

    UART0_BAUDDIV = 16;
    UART0_CTRL = UART_CTRL_TX_EN | UART_CTRL_RX_EN;
    NVIC_ISER0 = 1u << UART0_RX_IRQ;

    buffers.wire_in = wire_in;
    buffers.packet_out = packet_out;
    buffers.wire_out = wire_out;
    buffers.max_payload = MAX_PAYLOAD;
#ifdef TM_BUILTIN_MODEL
    buffers.blob = 0;
    buffers.blob_capacity = 0;
    buffers.arena = model_arena();
    buffers.arena_capacity = ARENA_CAPACITY;
    tm_server_init(&server, &board, &buffers);
    if (model_check() != TM_OK) {
        return 1; /* the runtime and the export disagree: reset_handler faults */
    }
    tm_server_use_model(&server, &model, 0);
#else
    buffers.blob = blob;
    buffers.blob_capacity = BLOB_CAPACITY;
    buffers.arena = arena;
    buffers.arena_capacity = ARENA_CAPACITY;
    tm_server_init(&server, &board, &buffers);
#endif

    for (;;) {
        while (UART0_STATE & UART_STATE_RX_FULL) {
            tm_server_feed(&server, (uint8_t)UART0_DATA);
        }
        /* sleep until a byte comes; with interrupts masked no wake-up is lost between the
         * check and WFI (a pending interrupt ends WFI) */
        __asm__ volatile("cpsid i" ::: "memory");
        UART0_CTRL |= UART_CTRL_RX_INT_EN;
        if (!(UART0_STATE & UART_STATE_RX_FULL)) {
            __asm__ volatile("wfi");
        }
        __asm__ volatile("cpsie i" ::: "memory");
    }
}
