package dev.banyan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;

/** Checks of the console's layout that a browser test can make on any page. */
public final class ConsoleLayout {

    private ConsoleLayout() {
    }

    /** Every entry of the top menu is shown whole: none is cut off, scrolled away or pushed out of the window. */
    public static void assertWholeMenuShown(Page page) {
        List<?> hidden = (List<?>) page.evaluate("""
                () => {
                  const menu = document.querySelector('.menu');
                  if (!menu) return [];
                  const box = menu.getBoundingClientRect();
                  return [...menu.querySelectorAll('a')].filter(a => {
                    const r = a.getBoundingClientRect();
                    return r.width === 0 || r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
                        || r.bottom > box.bottom + 1 || r.right > document.documentElement.clientWidth;
                  }).map(a => a.textContent.trim());
                }""");
        assertThat(hidden).as("menu entries not shown whole on %s", page.url()).isEmpty();
    }
}
