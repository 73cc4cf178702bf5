import CorridorTestSupport
import Foundation
import Testing

/// The folders of CSV tables, read by Python's `csv` module rather than our own writer's idea of CSV:
/// every column of every file has one row in `dictionary.csv`, names are snake_case, numbers carry at
/// most the 12 significant digits OUTPUT.md promises.
@Suite struct TidyCSVCLITests {
    /// Checks a folder with Python; returns what it found wrong, one line each.
    private func problems(in folder: String) throws -> String {
        let script = """
            import csv, os, re, sys
            folder = sys.argv[1]
            def rows(name):
                with open(os.path.join(folder, name), newline="", encoding="utf-8") as handle:
                    return list(csv.reader(handle))
            dictionary = rows("dictionary.csv")
            assert dictionary[0] == ["file", "column", "unit", "meaning"], dictionary[0]
            described = [(row[0], row[1]) for row in dictionary[1:]]
            if len(described) != len(set(described)): print("a column is described twice")
            for name in sorted(os.listdir(folder)):
                if not name.endswith(".csv"): continue
                table = rows(name)
                width = len(table[0])
                for column in table[0]:
                    if (name, column) not in described: print(f"{name}: {column} not in dictionary.csv")
                    if not re.fullmatch(r"[a-z0-9_]+(_[a-z0-9-]+)?", column): print(f"{name}: {column} is not snake_case")
                for number, row in enumerate(table[1:], 2):
                    if len(row) != width: print(f"{name}:{number}: {len(row)} cells, header has {width}")
                    for cell in row:
                        if re.fullmatch(r"-?[0-9.]+(e-?[0-9]+)?", cell) and len(cell.split("e")[0].replace("-", "").replace(".", "").lstrip("0")) > 12:
                            print(f"{name}:{number}: {cell} has more than 12 significant digits")
            for (name, column) in described:
                if not os.path.exists(os.path.join(folder, name)): print(f"dictionary.csv describes missing {name}")
            """
        let run = try ExternalProgram.run("/usr/bin/env", ["python3", "-c", script, folder])
        #expect(run.status == 0, "\(run.output)")
        return run.output
    }

    private func folder(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-tidy-\(UUID())").path
        let result = try CLIRunner.run(arguments + ["--format", "csv", "--output", output])
        #expect(result.exitCode == 0, "\(result.standardError)")
        return output
    }

    @Test(arguments: ["networks/tiny.json", "networks/two-way.json", "networks/china-europe.json"])
    func allocationTablesAreDescribed(network: String) throws {
        let output = try folder(["allocate", CLIRunner.path(network)])
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try problems(in: output) == "")
    }

    @Test(arguments: [
        ("networks/china-europe.json", "third-crossing"), ("networks/two-way.json", "third-crossing"),
    ])
    func comparisonTablesAreDescribed(network: String, scenario: String) throws {
        let output = try folder(["compare", CLIRunner.path(network), "--baseline", "baseline", "--scenario", scenario])
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try problems(in: output) == "")
    }

    @Test func sweepCSVSaysWhatVaried() throws {
        let result = try CLIRunner.run([
            "sweep", CLIRunner.path("networks/two-way.json"), "--capacity", "urumqi-dostyk", "--min", "10", "--max", "40",
            "--steps", "2", "--format", "csv",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("parameter,element,measure,index,value,") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("capacity,urumqi-dostyk,trains,") })
    }
}
