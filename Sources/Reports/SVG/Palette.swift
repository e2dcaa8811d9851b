/// The charts' colours: colour-blind-safe (Okabe–Ito), cycled, so every report colours series alike.
public enum Palette {
    /// The colours in order.
    public static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The colour of series number `index`.
    public static func color(_ index: Int) -> String { colors[index % colors.count] }
}
