package dev.banyan.server.share.internal;

import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.ServiceParameter;
import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.standards.DateValue;
import dev.banyan.standards.ParseResult;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A caller's parameter text checked and standardised by its type before it reaches the database, so that a
 * 15-digit identity number finds the 18-digit one, a date in any form finds the stored date, and text shaped like an
 * injection is just a value that matches nothing — or, when it cannot be the type, a 400 naming the parameter.
 */
final class ParameterValue {

    static final int MAX_TEXT = 200;
    private static final DateValue DATES = DateValue.standard();

    private ParameterValue() {
    }

    /** The value to bind for the parameter, of the Java type its column compares with. */
    static Object of(ServiceParameter p, String raw) {
        String s = raw.strip();
        if (s.isEmpty() || s.length() > MAX_TEXT || s.indexOf('\0') >= 0) {
            throw bad(p);
        }
        return switch (p.type()) {
            case STRING -> s;
            case CITIZEN_ID -> {
                ParseResult<CitizenIdNumber> id = CitizenIdNumber.parse(s);
                if (!id.isValid()) {
                    throw bad(p);
                }
                yield id.value().value();
            }
            case CREDIT_CODE -> {
                ParseResult<UnifiedSocialCreditCode> code = UnifiedSocialCreditCode.parse(s);
                if (!code.isValid()) {
                    throw bad(p);
                }
                yield code.value().value();
            }
            case DATE -> {
                ParseResult<LocalDate> date = DATES.parse(s);
                if (!date.isValid()) {
                    throw bad(p);
                }
                yield date.value();
            }
            case INTEGER -> {
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw bad(p);
                }
            }
            case DECIMAL -> {
                try {
                    yield new BigDecimal(s);
                } catch (NumberFormatException e) {
                    throw bad(p);
                }
            }
        };
    }

    private static GatewayRefusal bad(ServiceParameter p) {
        return new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.badParameter", p.name(), p.type().name());
    }
}
