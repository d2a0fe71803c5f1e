extension SanctionCap {
    /// The utilisation of the cap by cumulative flows: both shares and the larger (binding) one.
    ///
    /// UNSCR 2321 capped DPRK coal at US$400,870,018 or 7,500,000 t a year, whichever is lower:
    /// 200,435,009 USD and 1,500,000 t give shares 0.5 and 0.2, so value binds at 0.5.
    ///
    /// - Parameters:
    ///   - value: Cumulative value in USD since the start of the cap year (`nil` = unknown).
    ///   - quantity: Cumulative quantity (`nil` = unknown); converted to the cap's unit.
    ///   - stopShare: The share at which shipments stop (1 = at the cap).
    /// - Returns: The shares, or `nil` when no limit can be evaluated from what is known.
    /// - Throws: ``TradeDomainError/incompatibleUnits(_:_:)`` when the quantity cannot be converted.
    public func utilisation(value: Double?, quantity: Quantity?, stopShare: Double = 1) throws(TradeDomainError) -> CapUtilisation? {
        var valueShare: Double?, quantityShare: Double?
        if let valueUSD, let value { valueShare = value / valueUSD }
        if let cap = self.quantity, let quantity { quantityShare = try quantity.converted(to: cap.unit).amount / cap.amount }
        let shares: [(CapUtilisation.Limit, Double)] = [valueShare.map { (.value, $0) }, quantityShare.map { (.quantity, $0) }].compactMap { $0 }
        guard let binding = shares.max(by: { $0.1 < $1.1 }) else { return nil }
        return CapUtilisation(share: binding.1, bindingLimit: binding.0, stopped: binding.1 >= stopShare,
                              valueShare: valueShare, quantityShare: quantityShare)
    }
}
