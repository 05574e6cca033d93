// Process spawning with posix_spawn (no fork of a large address space, and exec failures
// come back as an error code rather than a child that exits 127).
#include "driver/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "driver/errors.hpp"

extern char** environ;

namespace pyro2cpp::driver {

namespace {

volatile sig_atomic_t forward_to_pid = 0;

extern "C" void forward_signal(int sig) {
    if (forward_to_pid > 0) ::kill(static_cast<pid_t>(forward_to_pid), sig);
}

// Installs the forwarding dispositions for the lifetime of the object.
class SignalForwarding {
public:
    explicit SignalForwarding(bool active) : active_(active) {
        if (!active_) return;
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGINT, &ignore, &old_int_);
        sigaction(SIGQUIT, &ignore, &old_quit_);
        struct sigaction forward {};
        forward.sa_handler = forward_signal;
        sigaction(SIGTERM, &forward, &old_term_);
        sigaction(SIGHUP, &forward, &old_hup_);
    }
    ~SignalForwarding() {
        if (!active_) return;
        forward_to_pid = 0;
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGQUIT, &old_quit_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
        sigaction(SIGHUP, &old_hup_, nullptr);
    }
    SignalForwarding(const SignalForwarding&) = delete;
    SignalForwarding& operator=(const SignalForwarding&) = delete;

private:
    bool active_;
    struct sigaction old_int_ {};
    struct sigaction old_quit_ {};
    struct sigaction old_term_ {};
    struct sigaction old_hup_ {};
};

// posix_spawn's C structures, released on every path.
class SpawnSetup {
public:
    SpawnSetup() {
        posix_spawn_file_actions_init(&actions_);
        posix_spawnattr_init(&attr_);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions_);
        posix_spawnattr_destroy(&attr_);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;

    void redirect(int fd, const std::string& path) {
        if (path.empty()) return;
        posix_spawn_file_actions_addopen(&actions_, fd, path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
    }
    // The child starts with default signal handling even where pyro2cpp ignores a signal.
    void default_signals() {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : {SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE})
            sigaddset(&set, sig);
        posix_spawnattr_setsigdefault(&attr_, &set);
        posix_spawnattr_setflags(&attr_, POSIX_SPAWN_SETSIGDEF);
    }
    posix_spawn_file_actions_t* actions() { return &actions_; }
    posix_spawnattr_t* attr() { return &attr_; }

private:
    posix_spawn_file_actions_t actions_;
    posix_spawnattr_t attr_;
};

bool is_executable_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

int run_process(const std::vector<std::string>& argv, const SpawnOptions& options) {
    std::vector<char*> cargv;
    for (const std::string& a : argv)
        cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    const std::string& program = options.program.empty() ? argv.at(0) : options.program;

    SpawnSetup setup;
    setup.redirect(STDOUT_FILENO, options.stdout_path);
    setup.redirect(STDERR_FILENO, options.stderr_path);
    setup.default_signals();

    SignalForwarding forwarding(options.forward_signals);
    pid_t pid = 0;
    int err =
        posix_spawn(&pid, program.c_str(), setup.actions(), setup.attr(), cargv.data(), environ);
    if (err != 0) throw DriverError("cannot run " + program + ": " + std::strerror(err));
    forward_to_pid = pid;

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            throw DriverError("waiting for " + program + ": " + std::strerror(errno));
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return exit_tool_error;
}

std::string find_program(const std::string& name) {
    if (name.empty()) return "";
    if (name.find('/') != std::string::npos) return is_executable_file(name) ? name : "";
    const char* path_env = std::getenv("PATH");
    std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t colon = path.find(':', start);
        if (colon == std::string::npos) colon = path.size();
        std::string dir = path.substr(start, colon - start);
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        if (is_executable_file(candidate)) return candidate;
        start = colon + 1;
    }
    return "";
}

std::string shell_command_line(const std::vector<std::string>& argv) {
    std::string line;
    for (const std::string& a : argv) {
        if (!line.empty()) line += ' ';
        bool plain = !a.empty() && a.find_first_not_of(
                                       "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789_-+=/.,:@%") == std::string::npos;
        if (plain) {
            line += a;
            continue;
        }
        line += '\'';
        for (char c : a) {
            if (c == '\'')
                line += "'\\''";
            else
                line += c;
        }
        line += '\'';
    }
    return line;
}

}  // namespace pyro2cpp::driver
