import CorridorImpact
import CorridorModel
import Foundation

/// `corridor-investment/1`: the plan `corridor invest` chose (keys in docs/OUTPUT.md).
public enum InvestmentJSONReport {
    public static let formatTag = "corridor-investment/1"

    public static func document(_ plan: InvestmentPlan) -> JSONValue {
        let problem = plan.problem
        return .object([
            ("format", .string(formatTag)),
            ("network", .string(plan.networkName)),
            ("scenario", .string(problem.baseScenario ?? Scenario.baselineID)),
            ("discountRate", .number(problem.discountRate)),
            ("budget", .number(problem.budget)),
            ("endYear", .number(Double(problem.endYear))),
            (
                "years",
                .array(
                    zip(problem.years, plan.yearWeights).map { year, weight in
                        .object([
                            ("year", .number(Double(year.year))), ("demandScale", .number(year.demandScale)),
                            ("weight", .number(weight.rounded(significantDigits: 12))),
                        ])
                    })
            ),
            ("objective", .number(plan.objective)),
            ("baselineObjective", .number(plan.baselineObjective)),
            ("netSaving", .number(plan.netSaving.rounded(significantDigits: 12))),
            ("capitalSpent", .number(plan.capitalSpent)),
            (
                "projects",
                .array(
                    plan.choices.map { choice in
                        .object([
                            ("id", .string(choice.project.id)), ("name", .string(choice.project.name)),
                            ("build", .bool(choice.opensIn != nil)),
                            ("opensIn", .number(choice.opensIn.map(Double.init))),
                            ("capitalCost", .number(choice.project.capitalCost)),
                            ("annualisedCost", .number(choice.annualisedCost.rounded(significantDigits: 12))),
                            ("value", .number(choice.value)),
                        ])
                    })
            ),
        ])
    }
}

/// A person's view of the plan.
public enum InvestmentTableReport {
    public static func render(_ plan: InvestmentPlan, currency: String) -> String {
        let problem = plan.problem
        var text = "\(plan.networkName): which projects to build, "
        text += "\(problem.years.map { "\($0.year) (demand ×\(JSONValue.format($0.demandScale)))" }.joined(separator: ", "))"
        text += " to \(problem.endYear), discounted at \(JSONValue.format(problem.discountRate * 100)) %"
        if let budget = problem.budget { text += ", budget \(ImpactCell.number(budget)) \(currency)" }
        text += "\n\n"
        var table = TextTable([
            ("project", .left), ("decision", .left), ("capital", .right), ("per year open", .right),
            ("value of the choice", .right),
        ])
        for choice in plan.choices {
            table.append([
                choice.project.id, choice.opensIn.map { "build, open \($0)" } ?? "do not build",
                ImpactCell.number(choice.project.capitalCost), ImpactCell.number(choice.annualisedCost),
                choice.value.map(ImpactCell.number) ?? "— (the other choice is ruled out)",
            ])
        }
        text += table.rendered()
        text += "\nPresent value of costs, \(currency): \(ImpactCell.number(plan.objective)) with the plan, "
        text += "\(ImpactCell.number(plan.baselineObjective)) building nothing: the plan saves \(ImpactCell.number(plan.netSaving))"
        text += " for \(ImpactCell.number(plan.capitalSpent)) of capital.\n"
        text += "The value of a choice is how much more the other choice (not building, or building by \(problem.years.last?.year ?? problem.endYear)) would cost.\n"
        return text
    }
}
