import CLibFuzzer
import CorridorModel
import Foundation

/// Bytes → `NetworkReader.read(data:source:)`; a network that reads is activated as the baseline and
/// as each of its scenarios. Validation errors are expected; a trap or a broken invariant is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let network: Network
    do {
        network = try NetworkReader.read(data: Data(bytes: data, count: size), source: "fuzz")
    } catch {
        _ = error.description  // the message formatting (line/column lookup) is code too
        return 0
    }
    check(network, (try? network.activate(scenario: nil)), "baseline")
    for scenario in network.scenarios {
        check(network, (try? network.activate(scenario: scenario.id)), scenario.id)
    }
    return 0
}

/// An active network refers only to its own nodes.
private func check(_ network: Network, _ active: ActiveNetwork?, _ id: String) {
    guard let active else { fatalError("scenario \"\(id)\" is listed but does not activate") }
    precondition(active.nodes.count <= network.nodes.count, "more active nodes than nodes")
    for arc in active.arcs {
        precondition(active.nodes.indices.contains(arc.from) && active.nodes.indices.contains(arc.to), "arc end out of range")
        precondition(arc.from != arc.to, "an active arc is a self-loop")
    }
    precondition(active.demands.count == network.demands.count, "a demand went missing")
    for demand in active.demands {
        if let origin = demand.origin { precondition(active.nodes.indices.contains(origin), "demand origin out of range") }
        if let destination = demand.destination {
            precondition(active.nodes.indices.contains(destination), "demand destination out of range")
        }
    }
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running ``fuzz(_:_:)`` on each input.
@_cdecl("fuzz_network_reader_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    corridor_fuzz_main(argc, argv)
}
