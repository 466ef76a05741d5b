/* Stub of the vendor SDK header: only what the template uses, for a syntax check here (no SDK installed). */
#include <stdint.h>
#include <stddef.h>
typedef int uart_port_t;
#define UART_NUM_0 0
#define UART_DATA_8_BITS 3
#define UART_PARITY_DISABLE 0
#define UART_STOP_BITS_1 1
#define UART_HW_FLOWCTRL_DISABLE 0
#define UART_SCLK_DEFAULT 0
typedef struct { int baud_rate, data_bits, parity, stop_bits, flow_ctrl, source_clk; } uart_config_t;
typedef int TickType_t;
#define pdMS_TO_TICKS(x) (x)
int uart_driver_install(uart_port_t, int, int, int, void *, int);
int uart_param_config(uart_port_t, const uart_config_t *);
int uart_read_bytes(uart_port_t, void *, uint32_t, TickType_t);
int uart_write_bytes(uart_port_t, const void *, size_t);
