/*
 * The host board: the runtime and protocol on a pseudo-terminal. Prints the slave path
 * (/dev/pts/N) as the first line on stdout, then serves until killed or, when stdin is a pipe,
 * until that pipe closes: the program that started us (the JVM) is gone. (PR_SET_PDEATHSIG would
 * fire when the starting *thread* ends, which in a notebook is the end of the cell.)
 * Device time: microseconds.
 */
#define _XOPEN_SOURCE 600
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <poll.h>
#include <sys/stat.h>
#include "../runtime/tm_proto.h"

#define MAX_PAYLOAD 16384u
#define BLOB_CAPACITY (4u << 20)
#define ARENA_CAPACITY (4u << 20)

static uint8_t wire_in[TM_WIRE_CAPACITY(MAX_PAYLOAD)];
static uint8_t packet_out[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
static uint8_t wire_out[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 1];
static uint32_t blob[BLOB_CAPACITY / 4];
static int8_t arena[ARENA_CAPACITY];
static tm_server server;
static int master = -1;
static struct timespec started;

static void write_all(const uint8_t *bytes, uint32_t count)
{
    while (count > 0) {
        ssize_t n = write(master, bytes, count);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            perror("tinyml-host: write");
            exit(1);
        }
        bytes += n;
        count -= (uint32_t)n;
    }
}

static void stopwatch_start(void)
{
    clock_gettime(CLOCK_MONOTONIC, &started);
}

static uint64_t stopwatch_read(void)
{
    struct timespec now;
    int64_t micros;
    clock_gettime(CLOCK_MONOTONIC, &now);
    micros = (int64_t)(now.tv_sec - started.tv_sec) * 1000000 + (now.tv_nsec - started.tv_nsec) / 1000;
    return micros < 0 ? 0u : (uint64_t)micros;
}

static const tm_board board = {
    "host", 0, 0, 0, TM_TIME_MICROSECONDS, write_all, stopwatch_start, stopwatch_read
};

/* Raw mode: no echo, no line editing, no CR/LF translation, 8 bits. */
static void make_raw(int fd)
{
    struct termios t;
    if (tcgetattr(fd, &t) != 0) {
        return;
    }
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    t.c_cflag |= CS8 | CLOCAL | CREAD;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSANOW, &t);
}

int main(void)
{
    static uint8_t received[4096];
    tm_buffers buffers;
    const char *slave_path;
    int slave;
    struct stat input;
    struct pollfd fds[2];
    int watch_parent = fstat(STDIN_FILENO, &input) == 0 && S_ISFIFO(input.st_mode);

    master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || (slave_path = ptsname(master)) == NULL) {
        perror("tinyml-host: cannot open a pseudo-terminal");
        return 1;
    }
    /* Holding the slave open keeps the master readable while no client is connected. */
    slave = open(slave_path, O_RDWR | O_NOCTTY);
    if (slave < 0) {
        perror("tinyml-host: cannot open the pseudo-terminal's slave");
        return 1;
    }
    make_raw(slave);
    make_raw(master);

    buffers.wire_in = wire_in;
    buffers.packet_out = packet_out;
    buffers.wire_out = wire_out;
    buffers.max_payload = MAX_PAYLOAD;
    buffers.blob = blob;
    buffers.blob_capacity = BLOB_CAPACITY;
    buffers.arena = arena;
    buffers.arena_capacity = ARENA_CAPACITY;
    tm_server_init(&server, &board, &buffers);

    fds[0].fd = master;
    fds[0].events = POLLIN;
    fds[1].fd = STDIN_FILENO;
    fds[1].events = POLLIN;

    printf("%s\n", slave_path);
    fflush(stdout);

    for (;;) {
        ssize_t n;
        ssize_t i;
        if (watch_parent) {
            fds[1].revents = 0;
            if (poll(fds, 2, -1) < 0) {
                if (errno == EINTR) {
                    continue;
                }
                perror("tinyml-host: poll");
                return 1;
            }
            if (fds[1].revents != 0 && read(STDIN_FILENO, received, sizeof received) <= 0) {
                return 0;
            }
            if ((fds[0].revents & POLLIN) == 0) {
                continue;
            }
        }
        n = read(master, received, sizeof received);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            perror("tinyml-host: read");
            return 1;
        }
        for (i = 0; i < n; i++) {
            tm_server_feed(&server, received[i]);
        }
    }
}
