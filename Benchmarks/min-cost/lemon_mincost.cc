// Peer for the min-cost flow benchmark: reads a DIMACS `p min` file with LEMON and solves it with
// NetworkSimplex (block search, LEMON's default) or CostScaling (LEMON's default partial augment).
// Usage: lemon_mincost ns|cs FILE.min   — prints the status and minimum total cost.
#include <lemon/cost_scaling.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

using Graph = lemon::SmartDigraph;
using Value = long long;

int main(int argc, char** argv) {
    if (argc != 3 || (std::strcmp(argv[1], "ns") != 0 && std::strcmp(argv[1], "cs") != 0)) {
        std::cerr << "usage: lemon_mincost ns|cs FILE.min\n";
        return 2;
    }
    std::ifstream input(argv[2]);
    if (!input) {
        std::cerr << "cannot open " << argv[2] << "\n";
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    Graph graph;
    Graph::ArcMap<Value> lower(graph), capacity(graph), cost(graph);
    Graph::NodeMap<Value> supply(graph);
    lemon::readDimacsMin(input, graph, lower, capacity, cost, supply);
    auto read = std::chrono::steady_clock::now();

    bool optimal;
    Value total = 0;
    if (argv[1][0] == 'n') {
        lemon::NetworkSimplex<Graph, Value, Value> solver(graph);
        solver.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
        optimal = solver.run() == lemon::NetworkSimplex<Graph, Value, Value>::OPTIMAL;
        if (optimal) total = solver.totalCost();
    } else {
        lemon::CostScaling<Graph, Value, Value> solver(graph);
        solver.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
        optimal = solver.run() == lemon::CostScaling<Graph, Value, Value>::OPTIMAL;
        if (optimal) total = solver.totalCost();
    }
    auto solved = std::chrono::steady_clock::now();
    std::printf("%s cost %lld read %.3f s solve %.3f s\n", optimal ? "optimal" : "not-optimal", total,
                std::chrono::duration<double>(read - start).count(),
                std::chrono::duration<double>(solved - read).count());
    return optimal ? 0 : 1;
}
