import ArgumentParser
import CorridorService
import Foundation

/// The `corridor` command: routes, flows and allocations on a corridor network.
@main
struct Corridor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor",
        abstract: "Plan freight routes and allocate flows over a corridor network.",
        discussion: """
            NETWORK defaults to the bundled China–Europe network (networks/china-europe.json).
            Exit codes: 0 success, 1 no route or infeasible, 2 bad input or usage, 3 internal error.
            -q, --quiet (with any command): no progress, warnings or notes on standard error; results and \
            errors only. No progress is drawn either when standard error is not a terminal, TERM is dumb or \
            NO_COLOR is set.
            """,
        version: CorridorVersion.current,
        subcommands: [
            ValidateCommand.self,
            InfoCommand.self,
            RouteCommand.self,
            MaxFlowCommand.self,
            MinCostCommand.self,
            AllocateCommand.self,
            CompareCommand.self,
            SweepCommand.self,
            UncertaintyCommand.self,
            CriticalityCommand.self,
            CalibrateCommand.self,
            InvestCommand.self,
            ReportCommand.self,
            InitCommand.self,
            ImportCommand.self,
            ExportCommand.self,
        ])

    /// Parses the command line and runs the command, mapping every failure to the documented exit codes:
    /// usage and input errors exit 2 (ArgumentParser's own 64 is replaced), outcomes such as "no
    /// route" exit 1, and internal faults exit 3.
    static func main() {
        let command: any ParsableCommand
        var arguments = Array(CommandLine.arguments.dropFirst())
        // --quiet is taken before parsing, wherever it stands (up to a "--"), so that every command has it.
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        if arguments[..<end].contains(where: { $0 == "-q" || $0 == "--quiet" }) {
            Terminal.isQuiet = true
            arguments = arguments[..<end].filter { $0 != "-q" && $0 != "--quiet" } + arguments[end...]
        }
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            // Every error line starts "corridor: ", ArgumentParser's usage errors included.
            if message.hasPrefix("Error: ") { message = "corridor: " + message.dropFirst("Error: ".count) }
            Terminal.printErrorLines(message)
            Foundation.exit(code == .validationFailure ? CorridorExit.badInput.rawValue : code.rawValue)
        }
        do {
            var runnable = command
            try runnable.run()
            SolveWatch.shared.finish()
        } catch let error as ExitCode {
            SolveWatch.shared.finish()
            Foundation.exit(error.rawValue)
        } catch let error where exitCode(for: error) == .success {
            SolveWatch.shared.finish()
            // `--help` on a subcommand surfaces here, from the help command's run().
            print(fullMessage(for: error))
            Foundation.exit(0)
        } catch {
            SolveWatch.shared.finish()
            let (message, exit) = Failures.report(error, command: type(of: command).configuration.commandName ?? "corridor")
            Terminal.printError(message)
            Foundation.exit(exit.rawValue)
        }
    }
}
