package org.hostarea.billing;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Exchange rates staff maintain, for gateways that settle in one currency (seed 004: currency conversion). */
@ProviderType
public interface ExchangeRateService {

    List<ExchangeRate> rates();

    /** @throws org.hostarea.core.ValidationException for bad currencies or a rate that is not positive (at most 8 decimals) */
    ExchangeRate set(String from, String to, BigDecimal rate, String actor);
}
