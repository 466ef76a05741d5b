/* Vector table and reset: copy .data, zero .bss, run main. Faults reset the board. */
#include <stdint.h>

extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end, __stack_top;
extern int main(void);
void reset_handler(void);
void uart0_rx_handler(void);

#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0Cu)

/* Any fault: request a system reset rather than hang. */
static void fault_handler(void)
{
    SCB_AIRCR = (0x05FAu << 16) | (1u << 2); /* VECTKEY | SYSRESETREQ */
    for (;;) {
    }
}

static void unused_handler(void)
{
}

__attribute__((section(".vectors"), used))
static void (*const vectors[16 + 32])(void) = {
    (void (*)(void))(uintptr_t)&__stack_top,
    reset_handler,
    fault_handler,   /* NMI */
    fault_handler,   /* HardFault */
    fault_handler,   /* MemManage */
    fault_handler,   /* BusFault */
    fault_handler,   /* UsageFault */
    0, 0, 0, 0,
    unused_handler,  /* SVCall */
    unused_handler,  /* DebugMonitor */
    0,
    unused_handler,  /* PendSV */
    unused_handler,  /* SysTick */
    uart0_rx_handler /* IRQ 0: UART0 RX; the other IRQs stay disabled */
};

void reset_handler(void)
{
    uint32_t *src = &__data_load;
    uint32_t *dst;
    for (dst = &__data_start; dst < &__data_end; dst++) {
        *dst = *src++;
    }
    for (dst = &__bss_start; dst < &__bss_end; dst++) {
        *dst = 0;
    }
    main();
    fault_handler();
}
