#ifndef C_PROCESS_SPAWN_H
#define C_PROCESS_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in `directory`, in a new process group, with stdin from `stdin_fd` (or
/// /dev/null when it is -1) and stdout/stderr on the given descriptors, signal mask and dispositions reset.
/// Returns 0 or an errno value.
int cps_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int stdin_fd,
              int stdout_fd, int stderr_fd, pid_t *pid);

/// pipe2(fds, O_CLOEXEC): both ends close on exec, so no other child inherits them. Returns 0 or -1 with errno.
int cps_pipe_cloexec(int fds[2]);

#endif
