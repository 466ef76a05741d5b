/*
 * ESP32 board (template, not verified on hardware): the protocol on UART0 at 115200 baud,
 * device time in microseconds (esp_timer). Buffers sized for the ESP32's internal DRAM.
 */
#include <stdint.h>
#include "driver/uart.h"
#include "esp_timer.h"
#include "tm_proto.h"

#define MAX_PAYLOAD 4096u
#define BLOB_CAPACITY (64u << 10)
#define ARENA_CAPACITY (64u << 10)
#define BAUD 115200

static uint8_t wire_in[TM_WIRE_CAPACITY(MAX_PAYLOAD)];
static uint8_t packet_out[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
static uint8_t wire_out[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 1];
static uint32_t blob[BLOB_CAPACITY / 4];
static int8_t arena[ARENA_CAPACITY];
static tm_server server;
static int64_t started;

static void uart_write(const uint8_t *bytes, uint32_t count)
{
    uart_write_bytes(UART_NUM_0, (const char *)bytes, count);
}

static void stopwatch_start(void)
{
    started = esp_timer_get_time();
}

static uint64_t stopwatch_read(void)
{
    return (uint64_t)(esp_timer_get_time() - started);
}

static const tm_board board = {
    "esp32", 240000000u, 0, 0, TM_TIME_MICROSECONDS, uart_write, stopwatch_start, stopwatch_read
};

void app_main(void)
{
    static uint8_t received[256];
    const uart_config_t config = {
        .baud_rate = BAUD,
        .data_bits = UART_DATA_8_BITS,
        .parity = UART_PARITY_DISABLE,
        .stop_bits = UART_STOP_BITS_1,
        .flow_ctrl = UART_HW_FLOWCTRL_DISABLE,
        .source_clk = UART_SCLK_DEFAULT,
    };
    tm_buffers buffers = {
        wire_in, packet_out, wire_out, MAX_PAYLOAD, blob, BLOB_CAPACITY, arena, ARENA_CAPACITY
    };
    uart_driver_install(UART_NUM_0, 2 * 1024, 2 * 1024, 0, NULL, 0);
    uart_param_config(UART_NUM_0, &config);
    tm_server_init(&server, &board, &buffers);
    for (;;) {
        /* blocks (the task sleeps) until bytes come */
        const int n = uart_read_bytes(UART_NUM_0, received, sizeof received, pdMS_TO_TICKS(100));
        int i;
        for (i = 0; i < n; i++) {
            tm_server_feed(&server, received[i]);
        }
    }
}
