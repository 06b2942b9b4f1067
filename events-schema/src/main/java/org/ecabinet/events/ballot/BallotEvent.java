package org.ecabinet.events.ballot;

import org.ecabinet.events.CabinetEvent;

/** An event in the life of one written consultation of cabinet members (phiếu lấy ý kiến thành viên Chính phủ). */
public interface BallotEvent extends CabinetEvent {
    String ballotId();
}
