package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.mess.Habits;
import dev.banyan.synthcity.mess.MessMaker;
import dev.banyan.synthcity.output.DatasetSpec;
import dev.banyan.synthcity.output.DepartmentOutput;

import java.io.IOException;
import java.util.List;

/**
 * A city department (委办局) that hands its source data to the platform: its names, its data-entry habits, the
 * datasets it produces and how it writes them from the true city.
 */
public interface Department {

    /** The department code as Banyan registers it, also the folder name, e.g. {@code public-security}. */
    String code();

    String nameZh();

    String nameEn();

    String descriptionZh();

    String descriptionEn();

    /** {@code file} for file hand-over, {@code database} for the department served as a live database. */
    default String servedAs() {
        return "file";
    }

    /** Habits under the NORMAL profile. */
    Habits habits();

    /** The datasets this department writes, in order. */
    List<DatasetSpec> datasets();

    /** Units of work for the progress bar (usually entities visited). */
    long plannedWork(City city);

    void write(City city, MessMaker mess, DepartmentOutput out) throws IOException;
}
