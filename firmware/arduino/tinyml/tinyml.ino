// Arduino board (template, not verified on hardware): the TinyMLaaS protocol on Serial at
// 115200 baud, device time in microseconds. For 32-bit boards with >= 160 KB RAM (e.g. Nano 33
// BLE, Portenta, ESP32 Arduino core). Copy firmware/runtime into this sketch's src/runtime first:
//   mkdir -p src/runtime && cp ../../runtime/*.[ch] src/runtime/
#include "src/runtime/tm_proto.h"

static const uint32_t MAX_PAYLOAD = 1024;
static const uint32_t BLOB_CAPACITY = 64u * 1024u;
static const uint32_t ARENA_CAPACITY = 32u * 1024u;

static uint8_t wire_in[TM_WIRE_CAPACITY(1024u)];
static uint8_t packet_out[TM_PACKET_CAPACITY(1024u)];
static uint8_t wire_out[TM_WIRE_CAPACITY(1024u) + 1];
static uint32_t blob[BLOB_CAPACITY / 4];
static int8_t arena[ARENA_CAPACITY];
static tm_server server;
static unsigned long started;

static void serial_write(const uint8_t *bytes, uint32_t count) { Serial.write(bytes, count); }
static void stopwatch_start(void) { started = micros(); }
static uint64_t stopwatch_read(void) { return (uint64_t)(micros() - started); }

static const tm_board board = {
    "arduino", 0, 0, 0, TM_TIME_MICROSECONDS, serial_write, stopwatch_start, stopwatch_read
};

void setup() {
    Serial.begin(115200);
    tm_buffers buffers = {wire_in, packet_out, wire_out, MAX_PAYLOAD, blob, BLOB_CAPACITY, arena, ARENA_CAPACITY};
    tm_server_init(&server, &board, &buffers);
}

void loop() {
    while (Serial.available() > 0) {
        tm_server_feed(&server, (uint8_t)Serial.read());
    }
}
