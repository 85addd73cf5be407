package org.hostarea.core.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.hostarea.core.PageRequest;
import org.junit.jupiter.api.Test;

class PagedQueryTest {

    private final AtomicInteger counts = new AtomicInteger();

    private Supplier<Long> count(long total) {
        return () -> {
            counts.incrementAndGet();
            return total;
        };
    }

    @Test
    void aPageThatIsNotFullIsTheLastOneAndNeedsNoCount() {
        assertEquals(7, PagedQuery.total(7, new PageRequest(0, 20), count(99)));
        assertEquals(0, PagedQuery.total(0, new PageRequest(0, 20), count(99)));
        assertEquals(45, PagedQuery.total(5, new PageRequest(2, 20), count(99)));
        assertEquals(0, counts.get());
    }

    @Test
    void aFullPageOrAnEmptyPagePastTheEndIsCounted() {
        assertEquals(99, PagedQuery.total(20, new PageRequest(0, 20), count(99)));
        // nothing on page 5: the items may have gone since, so the total is counted, not guessed
        assertEquals(12, PagedQuery.total(0, new PageRequest(5, 20), count(12)));
        assertEquals(2, counts.get());
    }
}
