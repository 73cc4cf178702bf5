import ArgumentParser
import CorridorImpact
import CorridorModel
import CorridorReports

/// `corridor invest [NETWORK] [--projects FILE] [--format table|json]`: which candidate projects to build,
/// and when, over the demand years of a projects file (docs/MODEL.md, "Investment").
struct InvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invest",
        abstract: "Choose which candidate projects to build and when, under a budget, over several demand years (a MIP in GLPK).",
        discussion: """
            Reads the candidate projects (corridor-projects/1, networks/FORMAT.md "Projects"): by default the file \
            beside NETWORK named like it with .projects.json for .json. Each project is a scenario of the network \
            that enables elements and raises capacities, with a capital cost, a lifetime and an opening year. \
            The program minimises the present value of the allocation costs of every demand year plus the \
            annualised capital of what is open, under the budget and the projects' exclusions, solved by GLPK's \
            branch-and-cut. The value of each choice is what the other choice would cost more. \
            Formats: table (default), json (corridor-investment/1).
            """)

    @OptionGroup var file: NetworkFile

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "The projects file (default: NETWORK with .projects.json).")
    var projects: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        do { try format.require(oneOf: [.table, .json], for: "invest") } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        solveOptions.startWatch(for: "invest")
        let networkPath = try file.resolvedPath()
        let network = try file.loadNetwork()
        let projectsPath = projects ?? CalibrateCommand.siblingPath(of: networkPath, suffix: ".projects.json")
        let problem = try ProjectsReader.read(path: projectsPath, for: network)
        let plan = try invest(network, problem, timeLimit: solveOptions.timeLimit)
        switch format {
        case .json: try Delivery.standardOutput(InvestmentJSONReport.document(plan).serialized())
        default: try Delivery.standardOutput(InvestmentTableReport.render(plan, currency: network.currency))
        }
    }
}
