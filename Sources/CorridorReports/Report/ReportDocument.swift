/// Everything one HTML report shows: a title block, maps, comparison tables, bar and line charts, notes.
///
/// A `ReportDocument` is plain data: the analysis fills it in (numbers already computed and, for tables,
/// already formatted) and ``html()`` lays it out as one self-contained page. Sections with no content are
/// left out of the page.
///
/// ```swift
/// let document = ReportDocument(
///     title: "Opening Bakhty–Tacheng", subtitle: "Tiny teaching corridor",
///     generatedNote: "corridor 0.1.0 · networks/tiny.json",
///     maps: [baseline, scenario], tables: [crossings])
/// try AtomicFile.write(document.html(), to: "report.html")
/// ```
public struct ReportDocument: Sendable, Equatable {
    /// The page's heading and `<title>`.
    public var title: String
    /// One line under the title, e.g. the network's name and the scenarios compared.
    public var subtitle: String
    /// Small print under the subtitle saying what produced the page, e.g. `corridor 0.1.0 · networks/china-europe.json`.
    /// The renderer adds no dates of its own, so the same document always gives the same bytes.
    public var generatedNote: String
    /// Maps drawn with one shared projection and one shared flow scale, so they compare at a glance.
    public var maps: [ReportMap]
    public var tables: [ReportTable]
    public var shareCharts: [ShareChart]
    public var lineCharts: [LineChart]
    /// Paragraphs shown at the end of the page, e.g. assumptions and data sources.
    public var notes: [String]

    public init(
        title: String, subtitle: String = "", generatedNote: String = "", maps: [ReportMap] = [],
        tables: [ReportTable] = [], shareCharts: [ShareChart] = [], lineCharts: [LineChart] = [],
        notes: [String] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.generatedNote = generatedNote
        self.maps = maps
        self.tables = tables
        self.shareCharts = shareCharts
        self.lineCharts = lineCharts
        self.notes = notes
    }
}
