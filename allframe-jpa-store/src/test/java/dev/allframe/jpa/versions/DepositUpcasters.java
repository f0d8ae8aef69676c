package dev.allframe.jpa.versions;

import dev.allframe.event.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

@ApplicationScoped
public class DepositUpcasters {

    @Upcaster
    DepositedV2 toV2(DepositedV1 old) {
        return new DepositedV2(old.accountId(), BigDecimal.valueOf(old.cents(), 2));
    }

    @Upcaster
    Deposited toV3(DepositedV2 old) {
        return new Deposited(old.accountId(), old.amount(), "EUR");
    }
}
