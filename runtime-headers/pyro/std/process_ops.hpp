// The process work behind std.process, over plain C++ strings.
//
// run() starts a program without a shell (posix_spawnp: the name is looked up in PATH, the
// arguments reach it exactly as given, nothing is expanded) with its stdout and stderr on two
// pipes and its stdin shared with ours, then reads both pipes together with poll() until both
// close, so a child that fills one pipe while we wait on the other cannot deadlock, whatever
// it writes. The exit code is the child's exit status, or 128 + n when signal n killed it (the
// shell's convention, and what `pyro2cpp run` reports). A program that cannot be started
// raises with the OS's reason: `cannot run "nosuch": No such file or directory`.
//
// run() blocks its thread until the child exits (the other worker threads go on running
// tasks). exit_now() flushes Pyro's buffered output and ends the process at once, as the end
// of the main program does: other tasks are abandoned and no destructors run.
#pragma once

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "pyro/print.hpp"
#include "pyro/std/fs_ops.hpp"
#include "pyro/std/os_error.hpp"

extern char** environ;

namespace pyro::process::detail {

struct Outcome {
    std::string out;
    std::string err;
    int code = 0;
};

// Reads what is available on `fd` onto `into`; false at end of file.
inline bool drain(int fd, std::string& into, std::string_view cmd) {
    constexpr std::size_t kChunk = 1 << 16;
    const std::size_t size = into.size();
    into.resize(size + kChunk);
    while (true) {
        const ssize_t n = ::read(fd, into.data() + size, kChunk);
        if (n >= 0) {
            into.resize(size + static_cast<std::size_t>(n));
            return n > 0;
        }
        if (errno != EINTR) {
            into.resize(size);
            rt::raise_os_error("read the output of", cmd, errno);
        }
    }
}

inline Outcome run(std::string_view cmd, const std::vector<std::string>& args) {
    const std::string program = rt::c_path("run", cmd);
    std::vector<std::string> arg_strings;  // checked copies, kept alive for argv
    arg_strings.reserve(args.size());
    for (const std::string& arg : args) {
        if (arg.find('\0') != std::string::npos) {
            rt::raise_path_error("run", cmd, "an argument contains a NUL byte");
        }
        arg_strings.push_back(arg);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (std::string& arg : arg_strings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);

    // Close-on-exec everywhere: only the dup2'ed copies reach the child, and a program started
    // by another thread at the same moment inherits none of these ends.
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        rt::raise_os_error("run", cmd, errno);
    }
    fs::detail::Fd out_read(out_pipe[0]);
    fs::detail::Fd out_write(out_pipe[1]);
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        rt::raise_os_error("run", cmd, errno);
    }
    fs::detail::Fd err_read(err_pipe[0]);
    fs::detail::Fd err_write(err_pipe[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_write.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_write.get(), STDERR_FILENO);
    pid_t pid = 0;
    const int spawn_error =
        ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawn_error != 0) {
        rt::raise_os_error("run", cmd, spawn_error);
    }
    // Our copies of the write ends must go, or the pipes never reach end of file.
    out_write.close();
    err_write.close();

    Outcome result;
    pollfd fds[2] = {{out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_pipes = 2;
    while (open_pipes > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            rt::raise_os_error("read the output of", cmd, errno);
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd >= 0 && fds[i].revents != 0 && !drain(fds[i].fd, *sinks[i], cmd)) {
                fds[i].fd = -1;  // poll skips negative descriptors
                --open_pipes;
            }
        }
    }

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            rt::raise_os_error("wait for", cmd, errno);
        }
    }
    result.code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    return result;
}

// Everything buffered is written first (stdout, the print override, stderr), then the process
// ends with `code` (the OS keeps its low 8 bits).
[[noreturn]] inline void exit_now(int code) {
    rt::flush_out();
    std::fflush(nullptr);
    std::_Exit(code);
}

}  // namespace pyro::process::detail
