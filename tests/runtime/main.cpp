// runtime_scenarios NAME: runs the scenario NAME as the main task of a program.
#include <cstdio>

#include "scenario.hpp"

namespace {

scenario::Body chosen = nullptr;

void run_chosen() {
    chosen();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || scenario::registry().count(argv[1]) == 0) {
        std::fprintf(stderr, "usage: runtime_scenarios NAME; scenarios:\n");
        for (const auto& [name, body] : scenario::registry()) {
            std::fprintf(stderr, "  %s\n", name.c_str());
        }
        return 64;
    }
    chosen = scenario::registry().find(argv[1])->second;
    pyro::rt::run_tasks(argc, argv, run_chosen);
}
