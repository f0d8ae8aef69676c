package dev.allframe.benchmarks.bank;

/** The event of the append benchmarks: about 200 bytes of JSON. */
public record ItemAdded(String cartId, String sku, String description, int quantity, long priceCents,
                        String currency) {

    private static final String DESCRIPTION = "Stainless steel water bottle, 750 ml, double-walled and vacuum "
            + "insulated, keeps drinks cold 24 h";

    public static ItemAdded sample(String cartId, long n) {
        return new ItemAdded(cartId, "SKU-" + (100_000 + n % 900_000), DESCRIPTION, 1 + (int) (n % 5),
                1_999 + n % 1_000, "EUR");
    }
}
