import Foundation

/// The colours and the stylesheet of the HTML report.
///
/// Every text colour is listed with the background it sits on in ``textPairs`` so a test can check the WCAG AA
/// contrast (at least 4.5:1); status never relies on colour alone (word, symbol and border style go with it).
enum ReportStyle {
  /// A colour as `#rrggbb`.
  struct Colour: Hashable, CustomStringConvertible {
    var red: Int
    var green: Int
    var blue: Int

    init(_ hex: UInt32) {
      red = Int(hex >> 16 & 0xFF)
      green = Int(hex >> 8 & 0xFF)
      blue = Int(hex & 0xFF)
    }

    var description: String { String(format: "#%02x%02x%02x", red, green, blue) }

    /// Relative luminance (WCAG 2).
    var luminance: Double {
      func channel(_ value: Int) -> Double {
        let c = Double(value) / 255
        return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio between two colours.
    func contrast(with other: Colour) -> Double {
      let (light, dark) = luminance > other.luminance ? (self, other) : (other, self)
      return (light.luminance + 0.05) / (dark.luminance + 0.05)
    }
  }

  static let ink = Colour(0x1A1A1A)
  static let muted = Colour(0x4D4D4D)
  static let paper = Colour(0xFFFFFF)
  static let panel = Colour(0xF4F5F7)
  static let rule = Colour(0xC8CCD2)
  static let grid = Colour(0xDADDE2)
  static let accent = Colour(0x1D4E89)

  static let meets = Colour(0x1F6B47)
  static let meetsText = Colour(0x14532D)
  static let meetsBackground = Colour(0xE3F1E8)
  static let misses = Colour(0xB3261E)
  static let missesText = Colour(0x8A1C13)
  static let missesBackground = Colour(0xFDE7E6)
  static let indicative = Colour(0x8A6200)
  static let indicativeText = Colour(0x6B4A00)
  static let indicativeBackground = Colour(0xFFF4D6)
  static let tooFewText = Colour(0x505050)
  static let tooFewBackground = Colour(0xEFEFEF)
  static let warningText = Colour(0x7A1A0F)
  static let warningBackground = Colour(0xFFF0E0)

  /// Every (text, background) combination the page uses.
  static let textPairs: [(name: String, text: Colour, background: Colour)] = [
    ("body", ink, paper),
    ("muted", muted, paper),
    ("muted on panel", muted, panel),
    ("ink on panel", ink, panel),
    ("accent", accent, paper),
    ("voldoet", meetsText, meetsBackground),
    ("voldoet niet", missesText, missesBackground),
    ("indicatief", indicativeText, indicativeBackground),
    ("te weinig respondenten", tooFewText, tooFewBackground),
    ("too few in chart", tooFewText, paper),
    ("warning", warningText, warningBackground),
    ("bar value text", ink, paper),
  ]

  /// The fill of a bar for a status (the pattern ids are per chart; see ``SVGCharts``).
  static func barColour(_ status: ReportFigures.Status) -> Colour {
    switch status {
    case .voldoet: meets
    case .voldoetNiet: misses
    case .indicatief: indicative
    case .teWeinigRespondenten: tooFewText
    case .geenNorm: accent
    }
  }

  /// The stylesheet: screen and A4 print.
  static let css: String = """
    *{box-sizing:border-box}
    html{background:\(paper);color:\(ink)}
    body{margin:0;font-family:"Segoe UI","DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;font-size:15px;\
    line-height:1.45;color:\(ink);background:\(paper)}
    main{max-width:960px;margin:0 auto;padding:24px 28px 48px}
    h1{font-size:26px;line-height:1.2;margin:4px 0 12px}
    h2{font-size:20px;margin:36px 0 8px;padding-top:10px;border-top:3px solid \(accent);break-after:avoid}
    h3{font-size:16px;margin:22px 0 6px;break-after:avoid}
    h4{font-size:15px;margin:14px 0 4px;break-after:avoid}
    p{margin:6px 0}
    .kicker{color:\(muted);font-size:14px;margin:0;text-transform:uppercase;letter-spacing:.04em}
    .muted,.note{color:\(muted)}
    .note{font-size:13px}
    .warning{border:3px solid \(warningText);background:\(warningBackground);color:\(warningText);padding:8px 12px;\
    font-weight:bold;margin:0 0 16px}
    .notice{border-left:6px solid \(accent);background:\(panel);padding:6px 12px}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:10px 0}
    .facts dt{font-weight:bold}
    .facts dd{margin:0}
    .basis{display:flex;flex-wrap:wrap;gap:0 20px;align-items:flex-start}
    .basis table{font-size:12.5px}
    .basis th,.basis td{padding:2px 5px}
    table.indicators{width:100%}
    table.indicators td:nth-child(2){width:34%}
    table.indicators td:nth-child(4),table.indicators td:nth-child(7){white-space:nowrap}
    table.groups{font-size:12.5px;width:100%}
    table.indicators td:last-child{white-space:nowrap}
    table.groups th,table.groups td{padding:4px 4px}
    table.groups .status-te-weinig-respondenten{white-space:normal}
    table.groups td:last-child{white-space:nowrap}
    table.aspects{width:100%;table-layout:fixed}
    table.aspects th:nth-child(1){width:36%}
    table.aspects th:nth-child(2){width:24%}
    table.aspects th:nth-child(3){width:8%}
    table.aspects th:nth-child(5){width:8%}
    table.topics{width:100%;table-layout:fixed}
    table.topics th:nth-child(1){width:40%}
    table.topics th:nth-child(2){width:8%}
    table{border-collapse:collapse;margin:8px 0 12px;font-size:14px}
    caption{text-align:left;font-weight:bold;padding:0 0 4px;caption-side:top}
    th,td{padding:4px 8px;border-bottom:1px solid \(rule);vertical-align:top;text-align:left}
    thead th{border-bottom:2px solid \(ink);font-size:13px}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tr.total th,tr.total td{font-weight:bold;border-bottom:2px solid \(ink)}
    tr.too-few td,tr.too-few th{color:\(tooFewText)}
    .status{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:bold;white-space:nowrap;\
    font-size:13px}
    .status-voldoet{color:\(meetsText);background:\(meetsBackground);border:2px solid \(meetsText)}
    .status-voldoet-niet{color:\(missesText);background:\(missesBackground);border:3px double \(missesText)}
    .status-indicatief{color:\(indicativeText);background:\(indicativeBackground);border:2px dashed \(indicativeText)}
    .status-te-weinig-respondenten{color:\(tooFewText);background:\(tooFewBackground);border:2px dotted \(tooFewText)}
    .status-geen-norm{color:\(ink);background:\(paper);border:1px solid \(muted)}
    .certainty{font-size:12px;color:\(muted)}
    .lead{font-size:16px}
    .tiles{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0 10px}
    .tile{flex:1 1 300px;border:2px solid \(rule);border-left-width:10px;padding:8px 14px;background:\(paper);\
    break-inside:avoid}
    .tile p{margin:2px 0}
    table.groups tr:not(.total) .status{font-size:12px}
    .attention{border:1px solid \(rule);border-left:6px solid \(accent);padding:4px 14px;margin:10px 0;\
    break-inside:avoid}
    .attention h2{font-size:17px;margin:6px 0}
    .attention ul{margin:4px 0 6px;padding-left:20px}
    .tile-voldoet{border-left-color:\(meets)}
    .tile-voldoet-niet{border-left-color:\(misses);border-left-style:double;border-left-width:12px}
    .tile-indicatief{border-left-color:\(indicative);border-left-style:dashed}
    .tile-te-weinig-respondenten{border-left-color:\(tooFewText);border-left-style:dotted}
    .tile-title{font-weight:bold}
    .tile-figure{font-size:30px;font-weight:bold;line-height:1.2}
    .tile-figure .status{font-size:15px;vertical-align:middle}
    .tile-basis{font-size:13px;color:\(muted)}
    figure{margin:16px 0 20px;break-inside:avoid;page-break-inside:avoid}
    figure svg{display:block;width:100%;height:auto;max-width:900px}
    figcaption{font-size:13px;color:\(muted);margin-top:4px}
    .figure-title{font-weight:bold;font-size:15px;color:\(ink);margin:0 0 4px;break-after:avoid}
    .block{break-inside:avoid;page-break-inside:avoid}
    .chart-table{font-size:12px}
    .chart-table th,.chart-table td{padding:2px 6px}
    table.aspects td:nth-child(2){white-space:nowrap}
    /* A period name ("2026-T1") must not break at its hyphen. */
    table.actions td:nth-child(4){white-space:nowrap}
    .aspect-bar{display:inline-block;height:10px;overflow:hidden;font-size:8px;line-height:10px;background:\(accent);vertical-align:middle;margin-right:6px}
    .caution{background:\(panel);border-left:6px solid \(muted);padding:6px 12px;font-size:14px}
    .methods{background:\(panel);border:1px solid \(rule);padding:4px 18px 12px;margin-top:36px;break-inside:avoid;\
    page-break-inside:avoid}
    .methods h2{border-top:0;margin-top:8px}
    .methods dt{font-weight:bold;margin-top:8px}
    .methods dd{margin:0}
    .remarks li{margin:4px 0}
    .legend{font-size:13px;color:\(muted)}
    @page{size:A4;margin:14mm 12mm}
    @media print{
    body{font-size:10.5pt}
    table{font-size:8.5pt}
    table.groups{font-size:8pt}
    th,td,table.groups th,table.groups td{padding:2px 3px}
    .status{font-size:8pt;padding:0 4px}
    thead th{font-size:8pt}
    td .note,th .note,.certainty,.chart-table{font-size:7.5pt}
    .tile-figure{font-size:22pt}
    figure{margin:8px 0 10px}
    main{max-width:none;padding:0}
    h2{break-before:auto}
    section.audience{break-before:page}
    #indicatoren{break-inside:avoid;page-break-inside:avoid}
    table,figure,.block,.methods{break-inside:avoid;page-break-inside:avoid}
    tr{break-inside:avoid}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """
}
