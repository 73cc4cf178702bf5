// LEMON peer for `corridor route FILE.gr --from S`: reads a DIMACS `p sp` file with LEMON's own
// reader, runs LEMON's Dijkstra from S and prints the same summary (reached nodes, distance sum)
// with read and solve seconds, like LEMON's tools/dimacs-solver.
//
// build: g++ -O2 -o lemon-dijkstra lemon-dijkstra.cc
// usage: lemon-dijkstra FILE.gr SOURCE
#include <lemon/dijkstra.h>
#include <lemon/dimacs.h>
#include <lemon/smart_graph.h>
#include <lemon/time_measure.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " FILE.gr SOURCE\n";
        return 2;
    }
    using Graph = lemon::SmartDigraph;
    Graph graph;
    Graph::ArcMap<long long> length(graph);
    Graph::Node source;
    lemon::Timer timer;
    std::ifstream input(argv[1]);
    if (!input) {
        std::cerr << argv[1] << ": cannot open\n";
        return 2;
    }
    lemon::readDimacsSp(input, graph, length, source);
    double readSeconds = timer.realTime();
    long requested = std::atol(argv[2]);
    if (requested < 1 || requested > graph.nodeNum()) {
        std::cerr << "source out of range\n";
        return 2;
    }
    source = graph.nodeFromId(requested - 1);
    timer.restart();
    lemon::Dijkstra<Graph, Graph::ArcMap<long long>> dijkstra(graph, length);
    dijkstra.run(source);
    long long reached = 0, sum = 0;
    for (Graph::NodeIt node(graph); node != lemon::INVALID; ++node) {
        if (dijkstra.reached(node)) {
            reached++;
            sum += dijkstra.dist(node);
        }
    }
    double solveSeconds = timer.realTime();
    std::cout << "reached " << reached << "\ndistanceSum " << sum << "\nread " << readSeconds << " s\nsolve "
              << solveSeconds << " s\n";
    return 0;
}
