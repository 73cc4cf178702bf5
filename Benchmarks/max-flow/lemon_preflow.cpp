// LEMON 1.3 Preflow on a DIMACS max-flow file: reads the file into a SmartDigraph, runs both phases
// (a maximum flow, not only the minimum cut), prints the value and the read and solve times.
// Build: g++ -O2 -o lemon_preflow lemon_preflow.cpp
#include <chrono>
#include <cstdio>
#include <fstream>
#include <lemon/dimacs.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lemon_preflow FILE.max\n");
    return 2;
  }
  using Graph = lemon::SmartDigraph;
  auto start = std::chrono::steady_clock::now();
  Graph graph;
  Graph::ArcMap<long long> capacity(graph);
  Graph::Node source, sink;
  std::ifstream input(argv[1]);
  lemon::readDimacsMax(input, graph, capacity, source, sink);
  auto read = std::chrono::steady_clock::now();
  lemon::Preflow<Graph, Graph::ArcMap<long long>> preflow(graph, capacity, source, sink);
  preflow.run();
  auto solved = std::chrono::steady_clock::now();
  std::printf("value %lld read %.3f solve %.3f\n", preflow.flowValue(),
              std::chrono::duration<double>(read - start).count(),
              std::chrono::duration<double>(solved - read).count());
  return 0;
}
