// Errors and their locations: PYRO_ENTER / PYRO_AT, Raised, the uncaught-error report and
// PYRO_MAIN's handling of what escapes the program.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

#include "runtime_test_util.hpp"

using pyro::Int;
using namespace pyro::literals;

// What generated code declares at the top of its file, read by PYRO_AT.
static constexpr const char* pyro_file = "unit.pyro";

namespace {

// Hand-written the way the emitter writes functions.
Int divide(Int a, Int b) {
    PYRO_ENTER();
    PYRO_AT(10, 5);
    return a / b;
}

Int records_a_location() {
    PYRO_ENTER();
    PYRO_AT(20, 9);
    return Int(1);
}

Int fails_after_call() {
    PYRO_ENTER();
    PYRO_AT(30, 3);
    return records_a_location() / Int(0);
}

Int leaf(Int n) {
    PYRO_ENTER();
    return n;
}

void run_uncaught() {
    PYRO_ENTER();
    PYRO_AT(3, 5);
    (void)divide(Int(1), Int(0));
}

// Runs `body` through PYRO_MAIN's handler with stderr captured; returns status and text.
template <class Body>
std::pair<int, std::string> run_captured(Body& body) {
    char* err_text = nullptr;
    std::size_t err_size = 0;
    std::FILE* err = open_memstream(&err_text, &err_size);
    pyro::rt::set_output(nullptr, err);
    const int status = pyro::rt::run_body(body);
    pyro::rt::set_output(nullptr, nullptr);
    std::fclose(err);
    std::string text(err_text, err_size);
    std::free(err_text);
    return {status, text};
}

void throws_runtime_error() {
    throw std::runtime_error("boom");
}
void throws_bad_alloc() {
    throw std::bad_alloc();
}
int returns_three() {
    return 3;
}

}  // namespace

TEST_CASE("runtime: Raised carries the message and the location of PYRO_AT", "[runtime]") {
    try {
        (void)divide(Int(1), Int(0));
        FAIL("no error raised");
    } catch (const pyro::rt::Raised& e) {
        CHECK(e.str() == "Error: division by zero");
        const auto* error = dynamic_cast<const pyro::rt::BuiltinError*>(&e.value());
        REQUIRE(error != nullptr);
        CHECK(error->message() == "division by zero");
        CHECK(e.value().cause() == nullptr);
        REQUIRE(e.where() != nullptr);
        CHECK(std::string(e.where()->file) == "unit.pyro");
        CHECK(e.where()->line == 10);
        CHECK(e.where()->col == 5);
    }
    // The frames restored the slot on the way out.
    CHECK(pyro::rt::current_location() == nullptr);
}

TEST_CASE("runtime: a fault after a call is located at the caller", "[runtime]") {
    try {
        (void)fails_after_call();
        FAIL("no error raised");
    } catch (const pyro::rt::Raised& e) {
        REQUIRE(e.where() != nullptr);
        CHECK(e.where()->line == 30);
        CHECK(e.where()->col == 3);
    }
    CHECK(leaf(Int(4)) == 4);  // a frame without PYRO_AT leaves the slot alone
    CHECK(pyro::rt::current_location() == nullptr);
}

TEST_CASE("runtime: raise_error outside generated code has no location", "[runtime]") {
    try {
        pyro::rt::raise_error("plain");
    } catch (const pyro::rt::Raised& e) {
        CHECK(e.str() == "Error: plain");
        CHECK(e.where() == nullptr);
    }
}

TEST_CASE("runtime: the uncaught-error report", "[runtime]") {
    const pyro::rt::SrcLoc where{"t.pyro", 3, 5};
    const pyro::rt::BuiltinError plain("division by zero");
    CHECK(pyro::rt::uncaught_report(plain, &where) ==
          "t.pyro:3:5: uncaught error: Error: division by zero");
    auto root = std::make_shared<const pyro::rt::BuiltinError>("disk full");
    auto middle = std::make_shared<const pyro::rt::BuiltinError>("write failed", root);
    const pyro::rt::BuiltinError outer("save failed", middle);
    CHECK(pyro::rt::uncaught_report(outer, &where) ==
          "t.pyro:3:5: uncaught error: Error: save failed\n"
          "note: caused by: Error: write failed\n"
          "note: caused by: Error: disk full");
    CHECK(pyro::rt::uncaught_report(plain, nullptr) == "uncaught error: Error: division by zero");
}

TEST_CASE("runtime: PYRO_MAIN's handler turns escapes into exit statuses", "[runtime]") {
    const auto [status, text] = run_captured(run_uncaught);
    CHECK(status == 1);
    CHECK(text == "unit.pyro:10:5: uncaught error: Error: division by zero\n");

    const auto [status2, text2] = run_captured(throws_runtime_error);
    CHECK(status2 == 1);
    CHECK(text2 == "uncaught error: Error: boom\n");

    const auto [status3, text3] = run_captured(throws_bad_alloc);
    CHECK(status3 == 2);
    CHECK(text3 == "fatal error: out of memory\n");

    const auto [status4, text4] = run_captured(returns_three);
    CHECK(status4 == 3);
    CHECK(text4.empty());
    CHECK(pyro::rt::current_location() == nullptr);
}
