// std.env: variables, the program's arguments and the working directory.
#include <pyro/std/env.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "runtime_test_util.hpp"

using namespace pyro::literals;
using pyro::Str;
using runtime_test::error_of;
namespace env = pyro::env;

TEST_CASE("std: env var is void when unset", "[std][env]") {
    ::setenv("PYRO_STD_ENV_TEST", "value = x", 1);
    ::setenv("PYRO_STD_ENV_EMPTY", "", 1);
    ::unsetenv("PYRO_STD_ENV_UNSET");
    CHECK(env::detail::var("PYRO_STD_ENV_TEST") == std::optional<std::string>("value = x"));
    CHECK(env::detail::var("PYRO_STD_ENV_EMPTY") == std::optional<std::string>(""));
    CHECK_FALSE(env::detail::var("PYRO_STD_ENV_UNSET").has_value());
    CHECK_FALSE(env::detail::var(std::string_view("PATH\0x", 6)).has_value());
    CHECK_FALSE(env::detail::var("").has_value());
    // The Pyro face: `string | void`, an any holding one of them.
    CHECK(env::var("PYRO_STD_ENV_TEST"_s).str_value() == "value = x"_s);
    CHECK(env::var("PYRO_STD_ENV_EMPTY"_s).str_value() == ""_s);
    CHECK(env::var("PYRO_STD_ENV_UNSET"_s).is_void());
}

TEST_CASE("std: env vars lists every variable sorted by name", "[std][env]") {
    ::setenv("PYRO_STD_ENV_B", "2", 1);
    ::setenv("PYRO_STD_ENV_A", "1=one", 1);  // only the first '=' separates
    const auto all = env::detail::vars();
    REQUIRE(!all.empty());
    for (std::size_t i = 1; i < all.size(); ++i) {
        CHECK(all[i - 1].first < all[i].first);
    }
    std::size_t a = all.size();
    std::size_t b = all.size();
    for (std::size_t i = 0; i < all.size(); ++i) {
        a = all[i].first == "PYRO_STD_ENV_A" ? i : a;
        b = all[i].first == "PYRO_STD_ENV_B" ? i : b;
    }
    REQUIRE(a < all.size());
    REQUIRE(b < all.size());
    CHECK(a < b);
    CHECK(all[a].second == "1=one");
    CHECK(all[b].second == "2");
    const auto d = env::vars();
    CHECK(d.at("PYRO_STD_ENV_A"_s) == "1=one"_s);
    CHECK(d.len() == pyro::Int(static_cast<std::int64_t>(all.size())));
    CHECK(d.keys().at(pyro::Int(0)).std_string() == all[0].first);
}

TEST_CASE("std: env args are PYRO_MAIN's argv", "[std][env]") {
    auto& args = pyro::rt::program_args();
    const auto saved = args;
    args = {"./prog", "one", "two words"};
    CHECK(env::detail::args() == std::vector<std::string_view>{"./prog", "one", "two words"});
    CHECK(env::args() == pyro::List<Str>{"./prog"_s, "one"_s, "two words"_s});
    args = saved;
}

TEST_CASE("std: env cwd and set_cwd", "[std][env]") {
    const Str start = env::cwd();
    CHECK(start.std_string() == std::filesystem::current_path().string());
    char name[] = "/tmp/pyro_std_env_XXXXXX";
    REQUIRE(::mkdtemp(name) != nullptr);
    // /tmp may be a symbolic link; the OS reports the resolved directory.
    const std::string resolved = std::filesystem::canonical(name).string();
    env::set_cwd(Str(std::string_view{name}));
    CHECK(env::cwd().std_string() == resolved);
    CHECK(error_of([] { env::set_cwd("no-such-dir"_s); }) ==
          "Error: cannot change directory to \"no-such-dir\": No such file or directory");
    env::set_cwd(start);
    CHECK(env::cwd() == start);
    ::rmdir(name);
}
