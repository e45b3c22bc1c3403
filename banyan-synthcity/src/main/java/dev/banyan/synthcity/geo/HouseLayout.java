package dev.banyan.synthcity.geo;

/**
 * Where a dwelling sits (房屋坐落结构): the parcel (宗地) in its community, the building and the room. Dwellings of
 * one parcel share a compound name, road and door number, as flats of one estate do.
 *
 * @param community index of the community
 * @param parcel    parcel serial within the community, from 1
 * @param building  building number, 0 for a self-built village house
 * @param floor     floor, 0 for a village house
 * @param door      door on the floor, 0 for a village house
 * @param floors    number of floors of the building
 */
public record HouseLayout(int community, int parcel, int building, int floor, int door, int floors) {

    public boolean selfBuilt() {
        return building == 0;
    }

    /** The room number as written on the door: floor and two-digit door, e.g. 1203. */
    public int room() {
        return selfBuilt() ? 0 : floor * 100 + door;
    }
}
