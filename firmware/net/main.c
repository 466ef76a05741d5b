/*
 * The network board: the runtime on this computer, reached through an MQTT broker instead of a
 * serial line (docs/fleet.md has the topics and payloads). It announces itself (retained, with a
 * last will for "offline"), loads models sent to its own topic with the same checks as over
 * serial, answers inference requests and publishes telemetry.
 *
 * A model is loaded into the spare of two blob buffers and becomes the one that runs only when
 * the whole blob passed the loader's checks: a half or corrupt model never runs, the old one
 * keeps serving. Single-threaded: mosquitto_loop() runs every callback on this thread.
 *
 * Ends when its stdin is a pipe that closes (the program that started it is gone), on SIGTERM,
 * or when the broker refuses its credentials.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <mosquitto.h>
#include "../runtime/tm_blob.h"
#include "../runtime/tm_interp.h"
#include "../runtime/tm_proto.h"

#define LATENCY_BUCKETS 12 /* <= 16 us, <= 32 us, ... <= 16384 us, more */
#define MAX_CLASSES 32
#define TOPIC_CAPACITY 256

typedef struct {
    uint32_t *words;
    uint32_t length;
    uint32_t crc;
    tm_loaded_model model;
} model_slot;

typedef struct {
    const char *host;
    int port;
    const char *id;
    const char *root;
    const char *user;
    const char *password;
    const char *cafile;
    uint32_t blob_capacity;
    uint32_t arena_capacity;
    long telemetry_ms;
    double simulate_hz;
} options;

static options opt;
static model_slot slots[2];
static model_slot *active;
static int8_t *arena;
static struct mosquitto *mqtt;
static volatile sig_atomic_t stopping;
static int credentials_refused;

/* Telemetry since the last report. */
static uint32_t inferences, errors, loads_ok, loads_failed;
static uint32_t latency_histogram[LATENCY_BUCKETS];
static uint32_t class_counts[MAX_CLASSES];
static char last_error[160];

static uint64_t now_micros(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_nsec / 1000u;
}

static void topic(char *out, const char *leaf)
{
    snprintf(out, TOPIC_CAPACITY, "%s/devices/%s/%s", opt.root, opt.id, leaf);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void publish_status(void)
{
    char t[TOPIC_CAPACITY];
    char json[768];
    char model[16] = "null";
    char error[200] = "null";
    int n;
    if (active != NULL) {
        snprintf(model, sizeof model, "\"%08x\"", active->crc);
    }
    if (last_error[0] != '\0') {
        snprintf(error, sizeof error, "\"%s\"", last_error);
    }
    n = snprintf(json, sizeof json,
                 "{\"id\":\"%s\",\"online\":true,\"firmware\":\"%u.%u.%u\",\"protocol\":%u,"
                 "\"blob_format\":%u,\"free_ram\":%u,\"blob_capacity\":%u,\"model\":%s,"
                 "\"loads_ok\":%u,\"loads_failed\":%u,\"last_error\":%s}",
                 opt.id, (TM_RUNTIME_VERSION >> 16) & 0xFFu, (TM_RUNTIME_VERSION >> 8) & 0xFFu,
                 TM_RUNTIME_VERSION & 0xFFu, TM_PROTOCOL_VERSION, TM_BLOB_VERSION, opt.arena_capacity,
                 opt.blob_capacity, model, loads_ok, loads_failed, error);
    topic(t, "status");
    mosquitto_publish(mqtt, NULL, t, n, json, 1, true);
}

static void refuse(const char *what)
{
    loads_failed++;
    errors++;
    snprintf(last_error, sizeof last_error, "%s: the previous model keeps running", what);
    publish_status();
}

/* A new blob: loaded into the spare slot; it replaces the running model only if every check passed. */
static void load_model(const uint8_t *payload, uint32_t length)
{
    model_slot *spare = active == &slots[0] ? &slots[1] : &slots[0];
    uint32_t error_offset = 0;
    tm_status status;
    if (length > opt.blob_capacity) {
        char what[96];
        snprintf(what, sizeof what, "model of %u bytes refused: this board holds %u", length, opt.blob_capacity);
        refuse(what);
        return;
    }
    memcpy(spare->words, payload, length);
    status = tm_blob_load((const uint8_t *)spare->words, length, opt.arena_capacity, &spare->model, &error_offset);
    if (status != TM_OK) {
        char what[96];
        snprintf(what, sizeof what, "model refused: %s at byte %u", tm_status_name(status), error_offset);
        refuse(what);
        return;
    }
    spare->length = length;
    spare->crc = get_u32((const uint8_t *)spare->words + length - 4);
    active = spare;
    loads_ok++;
    last_error[0] = '\0';
    publish_status();
}

/* Runs the active model on `input` (already in the arena); records latency and the top class. */
static uint32_t run_active(void)
{
    const tm_model *m = &active->model.model;
    const tm_tensor *out = &m->tensors[m->output];
    const int8_t *scores;
    uint64_t started = now_micros();
    uint32_t micros, best = 0, bucket = 0, i;
    tm_invoke(m, arena);
    micros = (uint32_t)(now_micros() - started);
    scores = tm_output_data(m, arena);
    for (i = 1; i < out->bytes; i++) {
        if (scores[i] > scores[best]) {
            best = i;
        }
    }
    while (bucket < LATENCY_BUCKETS - 1 && micros > (16u << bucket)) {
        bucket++;
    }
    latency_histogram[bucket]++;
    if (best < MAX_CLASSES) {
        class_counts[best]++;
    }
    inferences++;
    return micros;
}

/* INFER request: u32 request id, then the input bytes. Answer: u32 id, u8 status, u32 micros, output bytes. */
static void infer(const uint8_t *payload, uint32_t length)
{
    static uint8_t answer[9 + 65536];
    char t[TOPIC_CAPACITY];
    uint32_t id = length >= 4 ? get_u32(payload) : 0, answer_length = 9;
    uint8_t status = TM_OK;
    put_u32(answer, id);
    put_u32(answer + 5, 0);
    if (length < 4) {
        status = TM_ERR_BAD_LENGTH;
    } else if (active == NULL) {
        status = TM_ERR_NO_MODEL;
    } else {
        const tm_model *m = &active->model.model;
        uint32_t in_bytes = m->tensors[m->input].bytes;
        uint32_t out_bytes = m->tensors[m->output].bytes;
        if (length - 4 != in_bytes) {
            status = TM_ERR_BAD_LENGTH;
        } else if (out_bytes > sizeof answer - 9) {
            status = TM_ERR_IO_TOO_BIG;
        } else {
            memcpy(tm_input_data(m, arena), payload + 4, in_bytes);
            put_u32(answer + 5, run_active());
            memcpy(answer + 9, tm_output_data(m, arena), out_bytes);
            answer_length += out_bytes;
        }
    }
    if (status != TM_OK) {
        errors++;
    }
    answer[4] = status;
    topic(t, "result");
    mosquitto_publish(mqtt, NULL, t, (int)answer_length, answer, 1, false);
}

/* What a sensor would feed the model: here, pseudo-random inputs at --simulate-hz. */
static void simulate_one(void)
{
    static uint32_t state = 2463534242u;
    const tm_model *m;
    int8_t *input;
    uint32_t i, n;
    if (active == NULL) {
        return;
    }
    m = &active->model.model;
    input = tm_input_data(m, arena);
    n = m->tensors[m->input].bytes;
    for (i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        input[i] = (int8_t)(state >> 24);
    }
    run_active();
}

static void publish_telemetry(void)
{
    char t[TOPIC_CAPACITY];
    char json[1024];
    int n, i;
    char model[12] = "null";
    if (active != NULL) {
        snprintf(model, sizeof model, "\"%08x\"", active->crc);
    }
    n = snprintf(json, sizeof json, "{\"id\":\"%s\",\"model\":%s,\"inferences\":%u,\"errors\":%u,\"latency_us\":[",
                 opt.id, model, inferences, errors);
    for (i = 0; i < LATENCY_BUCKETS; i++) {
        n += snprintf(json + n, sizeof json - (size_t)n, "%s%u", i ? "," : "", latency_histogram[i]);
    }
    n += snprintf(json + n, sizeof json - (size_t)n, "],\"classes\":[");
    for (i = 0; i < MAX_CLASSES; i++) {
        n += snprintf(json + n, sizeof json - (size_t)n, "%s%u", i ? "," : "", class_counts[i]);
    }
    n += snprintf(json + n, sizeof json - (size_t)n, "]}");
    topic(t, "telemetry");
    mosquitto_publish(mqtt, NULL, t, n, json, 0, false);
    inferences = errors = 0;
    memset(latency_histogram, 0, sizeof latency_histogram);
    memset(class_counts, 0, sizeof class_counts);
}

static void on_connect(struct mosquitto *m, void *user, int rc)
{
    char t[TOPIC_CAPACITY];
    (void)user;
    if (rc != 0) {
        fprintf(stderr, "tinyml-net %s: broker refused the connection: %s\n", opt.id, mosquitto_connack_string(rc));
        if (rc == 4 || rc == 5) { /* bad user name or password, not authorised: retrying cannot help */
            credentials_refused = 1;
        }
        return;
    }
    topic(t, "model");
    mosquitto_subscribe(m, NULL, t, 1);
    topic(t, "infer");
    mosquitto_subscribe(m, NULL, t, 1);
    publish_status();
}

static void on_message(struct mosquitto *m, void *user, const struct mosquitto_message *msg)
{
    char t[TOPIC_CAPACITY];
    (void)m;
    (void)user;
    topic(t, "model");
    if (strcmp(msg->topic, t) == 0) {
        if (msg->payloadlen > 0) {
            load_model(msg->payload, (uint32_t)msg->payloadlen);
        } else { /* the operator cleared this board's model topic: run no model (a rollback to "none") */
            active = NULL;
            last_error[0] = '\0';
            publish_status();
        }
        return;
    }
    topic(t, "infer");
    if (strcmp(msg->topic, t) == 0) {
        infer(msg->payload, (uint32_t)msg->payloadlen);
    }
}

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: tinyml-net --broker HOST:PORT --id ID [--root tinyml] [--user NAME] [--cafile CA.pem]\n"
            "                  [--blob-capacity BYTES] [--arena-capacity BYTES] [--telemetry-ms MS]\n"
            "                  [--simulate-hz HZ]\n"
            "The password, if any, is read from the environment variable TINYML_MQTT_PASSWORD.\n");
    exit(2);
}

static void parse(int argc, char **argv)
{
    int i;
    opt.root = "tinyml";
    opt.blob_capacity = 256u << 10;
    opt.arena_capacity = 256u << 10;
    opt.telemetry_ms = 1000;
    opt.password = getenv("TINYML_MQTT_PASSWORD");
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (v == NULL) {
            usage();
        }
        if (strcmp(a, "--broker") == 0) {
            const char *colon = strrchr(v, ':');
            static char host[128];
            if (colon == NULL || (size_t)(colon - v) >= sizeof host) {
                usage();
            }
            memcpy(host, v, (size_t)(colon - v));
            host[colon - v] = '\0';
            opt.host = host;
            opt.port = atoi(colon + 1);
        } else if (strcmp(a, "--id") == 0) {
            opt.id = v;
        } else if (strcmp(a, "--root") == 0) {
            opt.root = v;
        } else if (strcmp(a, "--user") == 0) {
            opt.user = v;
        } else if (strcmp(a, "--cafile") == 0) {
            opt.cafile = v;
        } else if (strcmp(a, "--blob-capacity") == 0) {
            opt.blob_capacity = (uint32_t)strtoul(v, NULL, 10);
        } else if (strcmp(a, "--arena-capacity") == 0) {
            opt.arena_capacity = (uint32_t)strtoul(v, NULL, 10);
        } else if (strcmp(a, "--telemetry-ms") == 0) {
            opt.telemetry_ms = atol(v);
        } else if (strcmp(a, "--simulate-hz") == 0) {
            opt.simulate_hz = atof(v);
        } else {
            usage();
        }
        i++;
    }
    if (opt.host == NULL || opt.port <= 0 || opt.id == NULL || opt.blob_capacity < 64 || opt.arena_capacity < 16
        || opt.telemetry_ms < 10 || strchr(opt.id, '/') != NULL || strchr(opt.id, '+') != NULL
        || strchr(opt.id, '#') != NULL || strchr(opt.id, '"') != NULL) {
        usage();
    }
}

/* True when the parent's pipe on stdin closed: the program that started this board is gone. */
static int parent_gone(int watch_parent)
{
    struct pollfd p;
    char scratch[256];
    if (!watch_parent) {
        return 0;
    }
    p.fd = STDIN_FILENO;
    p.events = POLLIN;
    p.revents = 0;
    return poll(&p, 1, 0) > 0 && read(STDIN_FILENO, scratch, sizeof scratch) <= 0;
}

int main(int argc, char **argv)
{
    char t[TOPIC_CAPACITY];
    char will[160];
    struct stat input;
    int watch_parent = fstat(STDIN_FILENO, &input) == 0 && S_ISFIFO(input.st_mode);
    uint64_t next_telemetry, next_simulation, simulate_period;
    int will_length, loop_millis;

    parse(argc, argv);
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    slots[0].words = calloc(opt.blob_capacity / 4 + 1, 4);
    slots[1].words = calloc(opt.blob_capacity / 4 + 1, 4);
    arena = calloc(opt.arena_capacity, 1);
    if (slots[0].words == NULL || slots[1].words == NULL || arena == NULL) {
        fprintf(stderr, "tinyml-net %s: cannot allocate %u + %u bytes\n", opt.id, 2 * opt.blob_capacity, opt.arena_capacity);
        return 1;
    }

    mosquitto_lib_init();
    mqtt = mosquitto_new(opt.id, true, NULL);
    if (mqtt == NULL) {
        fprintf(stderr, "tinyml-net %s: cannot create an MQTT client\n", opt.id);
        return 1;
    }
    /* small answers go out at once instead of waiting for the broker's delayed ACK (Nagle) */
    mosquitto_int_option(mqtt, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_callback_set(mqtt, on_connect);
    mosquitto_message_callback_set(mqtt, on_message);
    if (opt.user != NULL) {
        mosquitto_username_pw_set(mqtt, opt.user, opt.password);
    }
    if (opt.cafile != NULL && mosquitto_tls_set(mqtt, opt.cafile, NULL, NULL, NULL, NULL) != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, "tinyml-net %s: cannot use CA file %s\n", opt.id, opt.cafile);
        return 1;
    }
    will_length = snprintf(will, sizeof will, "{\"id\":\"%s\",\"online\":false}", opt.id);
    topic(t, "status");
    mosquitto_will_set(mqtt, t, will_length, will, 1, true);
    mosquitto_reconnect_delay_set(mqtt, 1, 8, true);
    if (mosquitto_connect(mqtt, opt.host, opt.port, 10) != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, "tinyml-net %s: broker %s:%d not reachable yet; retrying\n", opt.id, opt.host, opt.port);
    }

    simulate_period = opt.simulate_hz > 0 ? (uint64_t)(1e6 / opt.simulate_hz) : 0;
    loop_millis = simulate_period > 0 && simulate_period < 50000 ? (int)(simulate_period / 1000) : 50;
    next_telemetry = now_micros() + (uint64_t)opt.telemetry_ms * 1000u;
    next_simulation = now_micros() + simulate_period;
    while (!stopping && !credentials_refused && !parent_gone(watch_parent)) {
        uint64_t now;
        if (mosquitto_loop(mqtt, loop_millis, 1) != MOSQ_ERR_SUCCESS) {
            struct timespec pause = {0, 200000000L};
            nanosleep(&pause, NULL);
            mosquitto_reconnect(mqtt);
            continue;
        }
        now = now_micros();
        if (simulate_period > 0 && now >= next_simulation) {
            simulate_one();
            next_simulation = now + simulate_period;
        }
        if (now >= next_telemetry) {
            publish_telemetry();
            next_telemetry = now + (uint64_t)opt.telemetry_ms * 1000u;
        }
    }
    /* A clean end says "offline" itself (the will is only sent when the connection drops). */
    topic(t, "status");
    mosquitto_publish(mqtt, NULL, t, will_length, will, 1, true);
    mosquitto_loop(mqtt, 100, 1);
    mosquitto_disconnect(mqtt);
    mosquitto_destroy(mqtt);
    mosquitto_lib_cleanup();
    return credentials_refused ? 3 : 0;
}
