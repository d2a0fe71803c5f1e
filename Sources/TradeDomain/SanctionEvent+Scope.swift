extension SanctionEvent {
    /// Whether the event's measures bind trade reported by `country`.
    ///
    /// UN Security Council measures bind every member state; a national measure
    /// binds only its own country ("national measures bind only that country",
    /// as the calendar's header says). The authority is read from its prefix:
    /// `UNSC`, `US`, `China-...`. An authority not recognised is taken to bind
    /// everyone, so that no event is hidden by an unknown name.
    ///
    /// - Parameter country: The importing (for export measures) or exporting
    ///   country whose trade is in question.
    public func binds(_ country: CountryCode) -> Bool {
        let authority = self.authority.uppercased()
        if authority.hasPrefix("UN") { return true }
        if authority == "US" || authority.hasPrefix("US-") || authority.hasPrefix("US ") { return country.iso3 == "USA" }
        if authority.hasPrefix("CHINA") { return country.iso3 == "CHN" }
        return true
    }
}

