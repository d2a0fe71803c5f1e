import TradeDomain

/// The caches of one file's reading (one per `forEachRow` call).
final class FieldCache {
    let countries = ShortKeyCache<CountryCode>()
    let commodities = ShortKeyCache<CommodityCode>()
    let periods = ShortKeyCache<Period>()
    let texts = ShortKeyCache<String>()
    let comtradeUnits = ShortKeyCache<QuantityUnit>()
    let flows = ShortKeyCache<TradeFlow>()
    let descriptions = TextCache()
}
