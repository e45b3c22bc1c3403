package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.IntColumn;
import dev.banyan.synthcity.mess.MessMaker;

import java.io.IOException;

/**
 * Records that a department entered twice (重复录入): chosen while the dataset is written and entered again, with
 * fresh mistakes and a new record id, at the end of the file as a later re-entry would be.
 */
final class Duplicates {

    /** Writes the record for one key. */
    interface Entry {
        void write(int key) throws IOException;
    }

    private final IntColumn keys = new IntColumn(64);

    void consider(MessMaker mess, int key) {
        if (mess.duplicate()) {
            keys.add(key);
        }
    }

    void replay(Entry entry) throws IOException {
        for (int i = 0; i < keys.size(); i++) {
            entry.write(keys.get(i));
        }
    }
}
