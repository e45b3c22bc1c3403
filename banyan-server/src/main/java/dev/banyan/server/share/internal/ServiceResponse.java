package dev.banyan.server.share.internal;

import java.util.List;

/**
 * What a {@link ServiceHandler} answers: the JSON body (maps, lists, strings, numbers), how many rows of data it
 * carries, and which fields it returned — for the call log.
 */
record ServiceResponse(int status, Object body, int rows, List<String> fields) {

    static ServiceResponse ok(Object body, int rows, List<String> fields) {
        return new ServiceResponse(200, body, rows, fields);
    }
}
