/// The formula of a bilateral price or quantity index between a base period `s`
/// and a current period `t` over the codes `i` matched in both.
///
/// With unit values `p` and quantities `q`, value shares `w = p q / Σ p q`:
/// ```
/// Laspeyres  P = Σ pₜ qₛ / Σ pₛ qₛ          Q = Σ pₛ qₜ / Σ pₛ qₛ
/// Paasche    P = Σ pₜ qₜ / Σ pₛ qₜ          Q = Σ pₜ qₜ / Σ pₜ qₛ
/// Fisher     P = √(P_L P_P)                 Q = √(Q_L Q_P)
/// Törnqvist  ln P = Σ ½(wₛ + wₜ) ln(pₜ/pₛ)  ln Q = Σ ½(wₛ + wₜ) ln(qₜ/qₛ)
/// ```
/// Fisher's pair satisfies the factor reversal test exactly:
/// `P_F · Q_F = Σ pₜ qₜ / Σ pₛ qₛ`, the value ratio of the matched codes.
///
/// Reference: ILO/IMF/OECD/UNECE/Eurostat/World Bank, *Consumer Price Index
/// Manual* (2004), ch. 15-17; IMF *Export and Import Price Index Manual* (2009),
/// ch. 15; R `IndexNumR::priceIndex(..., indexMethod = "laspeyres" | "paasche" | "fisher" | "tornqvist")`.
public enum IndexFormula: String, Codable, Sendable, CaseIterable {
    case laspeyres
    case paasche
    case fisher
    case tornqvist
}
