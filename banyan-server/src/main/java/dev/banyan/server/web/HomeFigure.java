package dev.banyan.server.web;

import java.util.function.LongSupplier;

/**
 * A number shown on the home page (e.g. how many departments are registered), contributed as a bean by
 * the module that knows it, so that the web module depends on no other module.
 */
public record HomeFigure(String labelCode, int order, LongSupplier value) {
}
