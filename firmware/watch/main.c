/*
 * tinyml-watch PROGRAM [ARGS...]: runs PROGRAM (qemu-system-arm) as its child and ends it when the
 * program that started the watcher (the JVM) is gone, however that ended, SIGKILL included: the
 * watcher's stdin is a pipe from it, and end-of-file there means it exited. The child gets SIGKILL
 * should the watcher itself die (PR_SET_PDEATHSIG: the watcher has one thread, so it fires only when
 * the watcher ends). SIGTERM, SIGINT and SIGHUP are passed on to the child. Exits as the child did.
 * The child's stdin is /dev/null; its stdout and stderr are the watcher's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define POLL_MILLIS 100
#define GRACE_MILLIS 1000

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

static int exit_code(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void pause_millis(long millis)
{
    struct timespec t;
    t.tv_sec = millis / 1000;
    t.tv_nsec = (millis % 1000) * 1000000L;
    nanosleep(&t, NULL);
}

/* SIGTERM, then SIGKILL when the child has not ended after GRACE_MILLIS. */
static int stop_child(pid_t child)
{
    int status;
    long waited;
    kill(child, SIGTERM);
    for (waited = 0; waited < GRACE_MILLIS; waited += 20) {
        if (waitpid(child, &status, WNOHANG) == child) {
            return exit_code(status);
        }
        pause_millis(20);
    }
    kill(child, SIGKILL);
    return waitpid(child, &status, 0) == child ? exit_code(status) : 1;
}

static void start_child(pid_t watcher, char **argv)
{
    int devnull = open("/dev/null", O_RDONLY);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != watcher) {
        _exit(1);   /* the watcher died before PR_SET_PDEATHSIG took effect */
    }
    if (devnull >= 0) {
        dup2(devnull, STDIN_FILENO);
        close(devnull);
    }
    execvp(argv[0], argv);
    fprintf(stderr, "tinyml-watch: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

int main(int argc, char **argv)
{
    struct sigaction action;
    pid_t watcher = getpid();
    pid_t child;

    if (argc < 2) {
        fprintf(stderr, "usage: tinyml-watch PROGRAM [ARGS...] (stdin: a pipe from the starting program)\n");
        return 2;
    }
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;   /* no SA_RESTART: poll() returns at once */
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGHUP, &action, NULL);

    child = fork();
    if (child < 0) {
        perror("tinyml-watch: fork");
        return 1;
    }
    if (child == 0) {
        start_child(watcher, argv + 1);
    }
    for (;;) {
        struct pollfd in;
        int status;
        if (waitpid(child, &status, WNOHANG) == child) {
            return exit_code(status);
        }
        if (stop_signal != 0) {
            return stop_child(child);
        }
        in.fd = STDIN_FILENO;
        in.events = POLLIN;
        in.revents = 0;
        if (poll(&in, 1, POLL_MILLIS) > 0) {
            char buffer[256];
            if (read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
                return stop_child(child);   /* end of file: the starting program is gone */
            }
        }
    }
}
