#ifndef C_PROCESS_SPAWN_H
#define C_PROCESS_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in `directory`, in a new process group, with stdin from `stdin_fd` (or
/// /dev/null when it is -1) and stdout/stderr on the given descriptors, signal mask and dispositions reset, and every
/// other descriptor closed in the child. Returns 0 or an errno value.
int cps_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int stdin_fd,
              int stdout_fd, int stderr_fd, pid_t *pid);

/// Like `cps_spawn`, and the child also gets `parent_death_signal` (e.g. SIGKILL) when the thread that called this
/// function exits, or the whole parent process dies, however it dies (`PR_SET_PDEATHSIG`, set before `execve`).
///
/// Linux ties the parent-death signal to the calling *thread*: call this from a thread that lives as long as the
/// child (the thread that waits for it). Uses `vfork`; the child runs only system calls before `execve`.
/// Returns 0 or an errno value (from the child's failed `chdir`/`execve` too).
int cps_spawn_supervised(const char *path, char *const argv[], char *const envp[], const char *directory,
                         int stdin_fd, int stdout_fd, int stderr_fd, int parent_death_signal, pid_t *pid);

/// pipe2(fds, O_CLOEXEC): both ends close on exec, so no other child inherits them. Returns 0 or -1 with errno.
int cps_pipe_cloexec(int fds[2]);

/// Marks every descriptor from 3 up close-on-exec (`close_range(3, ~0U, CLOSE_RANGE_CLOEXEC)`), so that sockets
/// libraries opened without `SOCK_CLOEXEC` are not inherited by a later `exec`. Returns 0 or an errno value.
int cps_mark_descriptors_cloexec(void);

#endif
