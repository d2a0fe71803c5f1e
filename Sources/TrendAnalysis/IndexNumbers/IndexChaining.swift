/// How an index over several periods is formed from bilateral comparisons.
///
/// ```
/// fixed base   Iₜ = F(b, t)                              (every period compared with the base b)
/// chained      Iₜ = Πₖ F(k−1, k) for b < k ≤ t,  Iₜ = 1 / Πₖ F(k−1, k) for t < k ≤ b
/// ```
/// A chain link compares adjacent *priced* periods (those in which some code has a
/// positive value and quantity, in order; a link may span a period without any
/// unit value, which then gets no index). A link with no matched code breaks the
/// chain, and the periods beyond it get no index (`nil`), never a guess.
public enum IndexChaining: String, Codable, Sendable, CaseIterable {
    case fixedBase = "fixed-base"
    case chained
}
