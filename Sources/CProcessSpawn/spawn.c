// posix_spawn_file_actions_addchdir_np, posix_spawn_file_actions_addclosefrom_np and pipe2 are GNU extensions that
// Swift's Glibc module does not import.
#define _GNU_SOURCE
#include "CProcessSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int cps_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int stdin_fd,
              int stdout_fd, int stderr_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    sigset_t signals;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    if (result == 0) {
        result = stdin_fd < 0 ? posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                              : posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    }
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (result == 0) result = posix_spawn_file_actions_addchdir_np(&actions, directory);
    if (result == 0) {
        result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                                           POSIX_SPAWN_SETSIGDEF);
    }
    if (result == 0) result = posix_spawnattr_setpgroup(&attributes, 0);
    if (result == 0) {
        sigemptyset(&signals);
        result = posix_spawnattr_setsigmask(&attributes, &signals);
    }
    if (result == 0) {
        sigfillset(&signals);
        result = posix_spawnattr_setsigdefault(&attributes, &signals);
    }
    if (result == 0) result = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}

/// Closes every descriptor from 3 up, in the child between vfork and execve (system calls only).
static void close_from_3(void) {
    if (syscall(SYS_close_range, 3U, ~0U, 0U) == 0) return;
    // Kernels before 5.9: close one by one up to the descriptor limit.
    struct rlimit limit;
    long last = 65536;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < 1048576) {
        last = (long)limit.rlim_cur;
    }
    for (long fd = 3; fd < last; fd++) close((int)fd);
}

/// What runs in the vforked child: it shares the parent's memory until execve, so it only makes system calls and
/// reports a failure through `*failure` (read by the parent once the child has exited).
static void run_child(const char *path, char *const argv[], char *const envp[], const char *directory, int stdin_fd,
                      int stdout_fd, int stderr_fd, int parent_death_signal, pid_t parent, volatile int *failure) {
    // Default dispositions for every signal (the child has its own table), then the parent-death signal, which a
    // parent that died before prctl would never send: check for that afterwards.
    struct sigaction default_action = {0};
    default_action.sa_handler = SIG_DFL;
    for (int signal = 1; signal < NSIG; signal++) {
        if (signal != SIGKILL && signal != SIGSTOP) sigaction(signal, &default_action, NULL);
    }
    if (setpgid(0, 0) != 0) goto fail;
    if (parent_death_signal > 0) {
        if (prctl(PR_SET_PDEATHSIG, parent_death_signal, 0, 0, 0) != 0) goto fail;
        if (getppid() != parent) _exit(127);
    }
    int input = stdin_fd;
    if (input < 0) {
        input = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (input < 0) goto fail;
    }
    if (dup2(input, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) goto fail;
    if (chdir(directory) != 0) goto fail;
    close_from_3();
    sigset_t empty;
    sigemptyset(&empty);
    sigprocmask(SIG_SETMASK, &empty, NULL);
    execve(path, argv, envp);
fail:
    *failure = errno != 0 ? errno : EINVAL;
    _exit(127);
}

int cps_spawn_supervised(const char *path, char *const argv[], char *const envp[], const char *directory,
                         int stdin_fd, int stdout_fd, int stderr_fd, int parent_death_signal, pid_t *pid) {
    // Block every signal across vfork so no handler of the parent runs on the shared stack in the child.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    volatile int failure = 0;
    pid_t parent = getpid();
    pid_t child = vfork();
    if (child == 0) {
        run_child(path, argv, envp, directory, stdin_fd, stdout_fd, stderr_fd, parent_death_signal, parent, &failure);
        _exit(127);  // not reached
    }
    int spawn_errno = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    if (child < 0) return spawn_errno;
    if (failure != 0) {
        // The child has already exited (vfork returns after execve or _exit): reap it.
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return failure;
    }
    *pid = child;
    return 0;
}

int cps_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int cps_mark_descriptors_cloexec(void) {
    return syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0 ? 0 : errno;
}
