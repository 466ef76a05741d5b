/* Protocol server: frame assembly, COBS + CRC checks, command dispatch (docs/protocol.md). */
#include <string.h>
#include "tm_proto.h"
#include "tm_crc32.h"
#include "tm_interp.h"

static void put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    put_u16(p, v);
    put_u16(p + 2, v >> 16);
}

static void put_u64(uint8_t *p, uint64_t v)
{
    put_u32(p, (uint32_t)v);
    put_u32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* The answer's payload is written here before send(). */
static uint8_t *answer_payload(tm_server *s)
{
    return s->buf.packet_out + TM_PACKET_HEADER;
}

static void send(tm_server *s, uint8_t code, uint16_t seq, uint32_t payload_length)
{
    uint8_t *packet = s->buf.packet_out;
    const uint32_t length = TM_PACKET_HEADER + payload_length;
    uint32_t wire_length;
    packet[0] = TM_PROTOCOL_VERSION;
    packet[1] = code;
    put_u16(packet + 2, seq);
    put_u32(packet + length, tm_crc32(packet, length));
    wire_length = tm_cobs_encode(packet, length + TM_PACKET_OVERHEAD - TM_PACKET_HEADER, s->buf.wire_out, TM_WIRE_CAPACITY(s->buf.max_payload));
    s->buf.wire_out[wire_length] = 0;
    s->board->write(s->buf.wire_out, wire_length + 1);
}

static void send_error(tm_server *s, uint16_t seq, uint8_t error, uint8_t command, uint16_t sub,
                       uint32_t detail, const char *message)
{
    uint8_t *p = answer_payload(s);
    uint32_t n = 0;
    p[0] = error;
    p[1] = command;
    put_u16(p + 2, sub);
    put_u32(p + 4, detail);
    while (message[n] != 0 && n < 64) {
        p[8 + n] = (uint8_t)message[n];
        n++;
    }
    send(s, TM_ANSWER_ERROR, seq, 8 + n);
}

static void unload(tm_server *s)
{
    s->active = s->builtin;
    s->model_loaded = s->builtin != 0;
    s->model_crc = s->builtin_crc;
}

static void hello(tm_server *s, uint16_t seq)
{
    uint8_t *p = answer_payload(s);
    p[0] = 'T';
    p[1] = 'M';
    p[2] = 'R';
    p[3] = 'T';
    p[4] = TM_PROTOCOL_VERSION;
    p[5] = TM_BLOB_VERSION;
    put_u16(p + 6, 0);
    put_u32(p + 8, s->buf.max_payload);
    send(s, TM_CMD_HELLO | TM_ANSWER_BIT, seq, 12);
}

static void info(tm_server *s, uint16_t seq)
{
    const tm_board *b = s->board;
    uint8_t *p = answer_payload(s);
    uint32_t n = 0;
    put_u32(p + 0, TM_RUNTIME_VERSION);
    put_u32(p + 4, b->clock_hz);
    put_u32(p + 8, s->buf.blob_capacity);
    put_u32(p + 12, s->buf.arena_capacity);
    put_u32(p + 16, b->free_ram);
    put_u32(p + 20, b->free_flash);
    put_u32(p + 24, s->buf.max_payload);
    put_u16(p + 28, TM_MAX_TENSORS);
    put_u16(p + 30, TM_MAX_OPS);
    p[32] = b->time_unit;
    p[33] = (uint8_t)s->model_loaded;
    put_u16(p + 34, 0);
    put_u32(p + 36, s->model_crc);
    while (b->name[n] != 0 && n < 32) {
        p[41 + n] = (uint8_t)b->name[n];
        n++;
    }
    p[40] = (uint8_t)n;
    send(s, TM_CMD_INFO | TM_ANSWER_BIT, seq, 41 + n);
}

static void load_begin(tm_server *s, uint16_t seq, const uint8_t *payload)
{
    const uint32_t size = get_u32(payload);
    unload(s);
    s->loading = 0;
    if (size == 0 || size > s->buf.blob_capacity) {
        send_error(s, seq, TM_ERR_MODEL_TOO_BIG, TM_CMD_LOAD_BEGIN, 0, s->buf.blob_capacity,
                   "model size 0 or larger than max_model_bytes");
        return;
    }
    s->loading = 1;
    s->load_size = size;
    s->load_crc = get_u32(payload + 4);
    s->load_received = 0;
    put_u32(answer_payload(s), s->buf.max_payload - 4);
    send(s, TM_CMD_LOAD_BEGIN | TM_ANSWER_BIT, seq, 4);
}

static void load_chunk(tm_server *s, uint16_t seq, const uint8_t *payload, uint32_t length)
{
    const uint32_t offset = get_u32(payload);
    const uint32_t count = length - 4;
    uint8_t *blob = (uint8_t *)s->buf.blob;
    uint32_t i;
    if (!s->loading) {
        send_error(s, seq, TM_ERR_NOT_LOADING, TM_CMD_LOAD_CHUNK, 0, 0, "no LOAD_BEGIN before this chunk");
        return;
    }
    if (offset > s->load_received || count > s->load_size - offset) {
        send_error(s, seq, TM_ERR_BAD_OFFSET, TM_CMD_LOAD_CHUNK, 0, s->load_received,
                   "chunk beyond the bytes received or past the model size");
        return;
    }
    for (i = 0; i < count; i++) {
        blob[offset + i] = payload[4 + i];
    }
    if (offset + count > s->load_received) {
        s->load_received = offset + count;
    }
    put_u32(answer_payload(s), s->load_received);
    send(s, TM_CMD_LOAD_CHUNK | TM_ANSWER_BIT, seq, 4);
}

static void load_end(tm_server *s, uint16_t seq)
{
    const uint8_t *blob = (const uint8_t *)s->buf.blob;
    const tm_model *m = &s->model.model;
    uint32_t crc, error_offset;
    tm_status status;
    uint8_t *p;
    if (!s->loading) {
        send_error(s, seq, TM_ERR_NOT_LOADING, TM_CMD_LOAD_END, 0, 0, "no LOAD_BEGIN before LOAD_END");
        return;
    }
    s->loading = 0;
    s->stats.loads_failed++; /* until proven otherwise */
    if (s->load_received != s->load_size) {
        send_error(s, seq, TM_ERR_LOAD_INCOMPLETE, TM_CMD_LOAD_END, 0, s->load_received,
                   "LOAD_END before all bytes came");
        return;
    }
    crc = s->load_size >= 4 ? tm_crc32(blob, s->load_size - 4) : 0;
    if (s->load_size < 4 || crc != s->load_crc || get_u32(blob + s->load_size - 4) != s->load_crc) {
        send_error(s, seq, TM_ERR_MODEL_CRC, TM_CMD_LOAD_END, 0, crc,
                   "blob CRC32 differs from the one announced");
        return;
    }
    status = tm_blob_load(blob, s->load_size, s->buf.arena_capacity, &s->model, &error_offset);
    if (status != TM_OK) {
        send_error(s, seq, TM_ERR_BAD_BLOB, TM_CMD_LOAD_END, (uint16_t)status, error_offset,
                   tm_status_name(status));
        return;
    }
    if (m->tensors[m->input].bytes > s->buf.max_payload
        || m->tensors[m->output].bytes > s->buf.max_payload - 12) {
        send_error(s, seq, TM_ERR_IO_TOO_BIG, TM_CMD_LOAD_END, 0, s->buf.max_payload,
                   "model input or output does not fit one frame");
        return;
    }
    s->stats.loads_failed--;
    s->stats.loads_ok++;
    s->model_loaded = 1;
    s->model_crc = s->load_crc;
    s->active = m;
    p = answer_payload(s);
    put_u32(p + 0, s->model_crc);
    put_u32(p + 4, m->arena_bytes);
    put_u16(p + 8, m->tensor_count);
    put_u16(p + 10, m->op_count);
    put_u32(p + 12, m->tensors[m->input].bytes);
    put_u32(p + 16, m->tensors[m->output].bytes);
    send(s, TM_CMD_LOAD_END | TM_ANSWER_BIT, seq, 20);
}

static void infer(tm_server *s, uint16_t seq, const uint8_t *payload, uint32_t length)
{
    const tm_model *m = s->active;
    int8_t *input;
    const int8_t *output;
    uint32_t input_bytes, output_bytes, i;
    uint64_t elapsed;
    uint8_t *p;
    if (!s->model_loaded) {
        send_error(s, seq, TM_ERR_NO_MODEL, TM_CMD_INFER, 0, 0, "no model loaded");
        return;
    }
    input_bytes = m->tensors[m->input].bytes;
    output_bytes = m->tensors[m->output].bytes;
    if (length != input_bytes) {
        send_error(s, seq, TM_ERR_BAD_LENGTH, TM_CMD_INFER, 0, input_bytes, "input length differs from the model's");
        return;
    }
    input = tm_input_data(m, s->buf.arena);
    for (i = 0; i < input_bytes; i++) {
        input[i] = (int8_t)payload[i];
    }
    s->board->stopwatch_start();
    tm_invoke(m, s->buf.arena);
    elapsed = s->board->stopwatch_read();
    s->stats.inferences++;
    s->stats.last_infer_time = elapsed;
    p = answer_payload(s);
    p[0] = s->board->time_unit;
    p[1] = 0;
    p[2] = 0;
    p[3] = 0;
    put_u64(p + 4, elapsed);
    output = tm_output_data(m, s->buf.arena);
    for (i = 0; i < output_bytes; i++) {
        p[12 + i] = (uint8_t)output[i];
    }
    send(s, TM_CMD_INFER | TM_ANSWER_BIT, seq, 12 + output_bytes);
}

static void stats(tm_server *s, uint16_t seq)
{
    const tm_stats *t = &s->stats;
    uint8_t *p = answer_payload(s);
    put_u32(p + 0, t->frames_ok);
    put_u32(p + 4, t->crc_errors);
    put_u32(p + 8, t->framing_errors);
    put_u32(p + 12, t->oversize_frames);
    put_u32(p + 16, t->inferences);
    put_u32(p + 20, t->loads_ok);
    put_u32(p + 24, t->loads_failed);
    p[28] = s->board->time_unit;
    p[29] = 0;
    p[30] = 0;
    p[31] = 0;
    put_u64(p + 32, t->last_infer_time);
    send(s, TM_CMD_STATS | TM_ANSWER_BIT, seq, 40);
}

static void reset(tm_server *s, uint16_t seq)
{
    send(s, TM_CMD_RESET | TM_ANSWER_BIT, seq, 0);
    unload(s);
    s->loading = 0;
    memset(&s->stats, 0, sizeof s->stats);
}

/* Whether a command may carry a payload of this length; *expected says what it needs. */
static int length_ok(uint8_t command, uint32_t length, uint32_t *expected)
{
    switch (command) {
    case TM_CMD_LOAD_BEGIN:
        *expected = 8;
        return length == 8;
    case TM_CMD_LOAD_CHUNK:
        *expected = 5;
        return length >= 5;
    case TM_CMD_INFER:
        *expected = 0; /* checked against the model in infer() */
        return 1;
    default:
        *expected = 0;
        return length == 0;
    }
}

static void dispatch(tm_server *s, const uint8_t *packet, uint32_t length)
{
    const uint8_t command = packet[1];
    const uint16_t seq = (uint16_t)(packet[2] | (packet[3] << 8));
    const uint8_t *payload = packet + TM_PACKET_HEADER;
    const uint32_t payload_length = length - TM_PACKET_OVERHEAD;
    uint32_t expected;

    if (packet[0] != TM_PROTOCOL_VERSION) {
        send_error(s, seq, TM_ERR_BAD_VERSION, command, 0, packet[0], "protocol version is not 1");
        return;
    }
    if (command != TM_CMD_HELLO && command != TM_CMD_INFO && command != TM_CMD_LOAD_BEGIN
        && command != TM_CMD_LOAD_CHUNK && command != TM_CMD_LOAD_END && command != TM_CMD_INFER
        && command != TM_CMD_STATS && command != TM_CMD_RESET) {
        send_error(s, seq, TM_ERR_UNKNOWN_COMMAND, command, 0, command, "unknown command");
        return;
    }
    if (!length_ok(command, payload_length, &expected)) {
        send_error(s, seq, TM_ERR_BAD_LENGTH, command, 0, expected, "payload length wrong for the command");
        return;
    }
    switch (command) {
    case TM_CMD_HELLO: hello(s, seq); break;
    case TM_CMD_INFO: info(s, seq); break;
    case TM_CMD_LOAD_BEGIN: load_begin(s, seq, payload); break;
    case TM_CMD_LOAD_CHUNK: load_chunk(s, seq, payload, payload_length); break;
    case TM_CMD_LOAD_END: load_end(s, seq); break;
    case TM_CMD_INFER: infer(s, seq, payload, payload_length); break;
    case TM_CMD_STATS: stats(s, seq); break;
    default: reset(s, seq); break;
    }
}

/* A complete frame arrived (the delimiter came): check it and answer. */
static void end_of_frame(tm_server *s)
{
    uint8_t *packet = s->buf.wire_in;
    int32_t decoded;
    uint32_t length, crc;
    if (s->wire_in_overflow) {
        s->stats.oversize_frames++;
        send_error(s, 0, TM_ERR_OVERSIZE, 0, 0, s->buf.max_payload, "frame longer than max_payload");
        return;
    }
    if (s->wire_in_length == 0) {
        return; /* an empty frame: the host flushing the line */
    }
    decoded = tm_cobs_decode(s->buf.wire_in, s->wire_in_length, packet, s->wire_in_length);
    if (decoded < (int32_t)TM_PACKET_OVERHEAD) {
        s->stats.framing_errors++;
        send_error(s, 0, TM_ERR_FRAMING, 0, 0, decoded < 0 ? 0u : (uint32_t)decoded,
                   "not a COBS frame of at least 8 bytes");
        return;
    }
    length = (uint32_t)decoded;
    if (length > TM_PACKET_CAPACITY(s->buf.max_payload)) {
        s->stats.oversize_frames++;
        send_error(s, 0, TM_ERR_OVERSIZE, 0, 0, s->buf.max_payload, "frame longer than max_payload");
        return;
    }
    crc = tm_crc32(packet, length - 4);
    if (crc != get_u32(packet + length - 4)) {
        s->stats.crc_errors++;
        send_error(s, 0, TM_ERR_BAD_CRC, 0, 0, crc, "frame CRC32 mismatch");
        return;
    }
    s->stats.frames_ok++;
    dispatch(s, packet, length);
}

void tm_server_init(tm_server *server, const tm_board *board, const tm_buffers *buffers)
{
    memset(server, 0, sizeof *server);
    server->board = board;
    server->buf = *buffers;
}

void tm_server_use_model(tm_server *server, const tm_model *model, uint32_t crc)
{
    server->builtin = model;
    server->builtin_crc = crc;
    unload(server);
}

void tm_server_feed(tm_server *s, uint8_t byte)
{
    if (byte == 0) {
        end_of_frame(s);
        s->wire_in_length = 0;
        s->wire_in_overflow = 0;
        return;
    }
    if (s->wire_in_overflow) {
        return;
    }
    if (s->wire_in_length == TM_WIRE_CAPACITY(s->buf.max_payload)) {
        s->wire_in_overflow = 1;
        return;
    }
    s->buf.wire_in[s->wire_in_length++] = byte;
}
